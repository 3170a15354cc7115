/**
 * Terraform rollback: which earlier commit to return to (from the audit log), and a detached git
 * worktree of it in which to plan against the module's own state. Terraform cannot undo an apply;
 * re-planning the last good configuration is the closest honest equivalent.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { auditHistory, type AuditRecord } from './audit';
import { DeployError } from './errors';
import type { GitInfo } from './git';
import type { Runner } from './runner';

export type RollbackChoice =
  | { kind: 'commit'; commit: string; time: string; message: string }
  | { kind: 'nothing' | 'dirty' | 'unknown'; message: string };

/** Successful applies (deploys and rollbacks) of a target to an environment, newest first. */
function successfulApplies(records: readonly AuditRecord[], env: string, target: string): AuditRecord[] {
  return auditHistory(records, { environment: env, target }).filter(
    (r) => (r.action === 'deploy' || r.action === 'rollback') && r.result === 'success',
  );
}

/**
 * The commit to roll back to. The state reflects the newest successful apply; when HEAD (clean)
 * is that commit, going back means the successful apply before it with a different commit;
 * otherwise (HEAD moved on, or its deploy failed half-way) it is the newest successful apply.
 */
export function chooseRollbackCommit(
  records: readonly AuditRecord[],
  env: string,
  target: string,
  head: GitInfo,
): RollbackChoice {
  const applies = successfulApplies(records, env, target);
  const current = applies[0];
  if (!current) {
    return {
      kind: 'nothing',
      message: `No successful apply of ${target} to ${env} is recorded: nothing to roll back to.`,
    };
  }
  let pick = current;
  if (current.git?.commit && current.git.commit === head.commit && head.dirty === false) {
    const earlier = applies.find((r) => r.git?.commit !== current.git?.commit);
    if (!earlier) {
      return {
        kind: 'nothing',
        message:
          `${target} in ${env} runs commit ${short(current.git.commit)}, the current HEAD, and no earlier ` +
          'successful apply is recorded: nothing to roll back to.',
      };
    }
    pick = earlier;
  }
  if (!pick.git?.commit) {
    return {
      kind: 'unknown',
      message: `The last successful apply to ${env} recorded no git commit: it cannot be re-planned.`,
    };
  }
  if (pick.git.dirty !== false) {
    return {
      kind: 'dirty',
      message:
        `The last successful apply to ${env} (commit ${short(pick.git.commit)}, ${pick.time}) was made from a work tree ` +
        'with uncommitted changes: its configuration cannot be reproduced from git, so no rollback plan is offered.',
    };
  }
  return {
    kind: 'commit',
    commit: pick.git.commit,
    time: pick.time,
    message: `Plan rollback to ${short(pick.git.commit)} (${pick.time})`,
  };
}

export function short(commit: string): string {
  return commit.slice(0, 12);
}

export interface Worktree {
  root: string;
  /** The module folder inside the worktree. */
  moduleDir: string;
}

async function git(runner: Runner, cwd: string, args: string[], signal?: AbortSignal): Promise<string> {
  const r = await runner.run({ command: 'git', args, cwd, signal });
  if (r.cancelled) throw new DeployError('cancelled', `git ${args[0]} was cancelled`);
  if (r.code !== 0) {
    throw new DeployError('tool-failed', `git ${args.join(' ')} failed: ${r.stderr.trim().slice(0, 400)}`);
  }
  return r.stdout.trim();
}

/**
 * A detached worktree of `commit` with the module's `.terraform/` and lock file carried over, so
 * no provider download is needed when the providers did not change.
 */
export async function createWorktree(
  runner: Runner,
  moduleDir: string,
  commit: string,
  signal?: AbortSignal,
): Promise<Worktree> {
  const top = await git(runner, moduleDir, ['rev-parse', '--show-toplevel'], signal);
  const rel = relative(realpathSync(top), realpathSync(moduleDir));
  const root = mkdtempSync(join(tmpdir(), 'bulwark-rollback-'));
  try {
    await git(runner, moduleDir, ['worktree', 'add', '--detach', root, commit], signal);
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
  const wt: Worktree = { root, moduleDir: join(root, rel) };
  try {
    if (!existsSync(wt.moduleDir)) {
      throw new DeployError(
        'refused',
        `Commit ${short(commit)} has no folder ${rel || '.'}: nothing to plan there.`,
      );
    }
    const dotTf = join(moduleDir, '.terraform');
    if (existsSync(dotTf)) {
      // Providers can be large: link them; the rest (backend config, modules) is copied.
      cpSync(dotTf, join(wt.moduleDir, '.terraform'), {
        recursive: true,
        filter: (src) => src !== join(dotTf, 'providers'),
      });
      if (existsSync(join(dotTf, 'providers')))
        symlinkSync(join(dotTf, 'providers'), join(wt.moduleDir, '.terraform', 'providers'));
    }
    const lock = join(moduleDir, '.terraform.lock.hcl');
    if (existsSync(lock) && !existsSync(join(wt.moduleDir, '.terraform.lock.hcl')))
      cpSync(lock, join(wt.moduleDir, '.terraform.lock.hcl'));
    return wt;
  } catch (e) {
    await removeWorktree(runner, moduleDir, root);
    throw e;
  }
}

/** Removes the worktree and git's record of it; never throws (also runs on failure paths). */
export async function removeWorktree(runner: Runner, repoDir: string, root: string): Promise<void> {
  try {
    await runner.run({ command: 'git', args: ['worktree', 'remove', '--force', root], cwd: repoDir });
  } catch {
    // git missing: the folder is removed below and `git worktree prune` tidies up later.
  }
  rmSync(root, { recursive: true, force: true });
  try {
    await runner.run({ command: 'git', args: ['worktree', 'prune'], cwd: repoDir });
  } catch {
    // as above
  }
}

/**
 * Arguments that point terraform, run in the worktree, at the original module's state. A local
 * backend keeps state next to the module, so it is named with -state (apply needs it too: without
 * it terraform refuses the plan as coming from "a different state lineage"); any other backend's
 * state is shared already.
 */
export function stateArgs(moduleDir: string, workspace: string): string[] {
  const backendFile = join(moduleDir, '.terraform', 'terraform.tfstate');
  let backend: { type?: string; config?: { path?: string; workspace_dir?: string } } | undefined;
  if (existsSync(backendFile)) {
    try {
      backend = (JSON.parse(readFileSync(backendFile, 'utf8')) as { backend?: typeof backend }).backend;
    } catch {
      backend = undefined;
    }
  }
  if (backend?.type && backend.type !== 'local') return [];
  const cfg = backend?.config ?? {};
  const path =
    workspace === 'default'
      ? resolve(moduleDir, cfg.path ?? 'terraform.tfstate')
      : resolve(moduleDir, cfg.workspace_dir ?? 'terraform.tfstate.d', workspace, 'terraform.tfstate');
  return [`-state=${path}`];
}
