/**
 * Terraform: plan to a saved file per target and environment, apply exactly that file (refusing a
 * plan older than its files), outputs with sensitive values masked, workspace per environment.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeployError } from './errors';
import type { AuditRecord } from './audit';
import type { GitInfo } from './git';
import { fileDigest, moduleDigest, PlanStore, type PlanManifest, type RollbackPlanInfo } from './planStore';
import { Redactor } from './redact';
import { TERRAFORM_ENV, type RunResult, type Runner } from './runner';
import { explainStateLock, parseStateLockError } from './stateLock';
import { parseOutputs, summarisePlan, type OutputValue, type PlanSummary } from './terraformPlan';
import { chooseRollbackCommit, createWorktree, removeWorktree, stateArgs } from './terraformRollback';
import type { DeployTarget, Environment, OperationOptions } from './types';

export interface TerraformOptions {
  runner: Runner;
  /** Folder for Bulwark's own files, normally `<workspace>/.bulwark`. */
  stateDir: string;
  terraformPath?: string;
  env?: Record<string, string>;
  /** Passed as -lock-timeout; "0s" fails fast when another operation holds the lock. */
  lockTimeout?: string;
  redactor?: Redactor;
}

export interface TerraformPlanResult {
  summary: PlanSummary;
  manifest: PlanManifest;
  planFile: string;
}

export interface TerraformApplyResult {
  manifest: PlanManifest;
  durationMs: number;
  outputs: OutputValue[];
}

export interface TerraformResource {
  address: string;
  tainted: boolean;
}

export class TerraformBackend {
  readonly plans: PlanStore;
  readonly redactor: Redactor;
  private readonly bin: string;

  constructor(private readonly opts: TerraformOptions) {
    this.plans = new PlanStore(opts.stateDir);
    this.redactor = opts.redactor ?? new Redactor();
    this.bin = opts.terraformPath ?? 'terraform';
  }

  workspaceOf(env: Environment): string {
    return env.terraform.workspace ?? 'default';
  }

  private async tf(
    target: DeployTarget,
    args: string[],
    o: OperationOptions & { workspace?: string; stream?: boolean } = {},
  ): Promise<RunResult> {
    const r = await this.opts.runner.run({
      command: this.bin,
      args,
      cwd: target.dir,
      env: { ...TERRAFORM_ENV, ...this.opts.env, TF_WORKSPACE: o.workspace },
      sink: o.stream === false ? undefined : o.sink,
      signal: o.signal,
    });
    if (r.cancelled) throw new DeployError('cancelled', `terraform ${args[0]} was cancelled`);
    return r;
  }

  private fail(what: string, r: RunResult): never {
    const lock = parseStateLockError(r.stderr);
    if (lock) throw new DeployError('state-locked', explainStateLock(lock), { lock });
    const text = this.redactor.redact(errorText(r.stderr || r.stdout));
    throw new DeployError('tool-failed', `terraform ${what} failed (exit ${r.code}): ${text}`, {
      exitCode: r.code,
    });
  }

  async init(target: DeployTarget, o: OperationOptions = {}): Promise<void> {
    if (existsSync(join(target.dir, '.terraform'))) return;
    const r = await this.tf(target, ['init', '-input=false', '-no-color'], o);
    if (r.code !== 0) this.fail('init', r);
  }

  /** Selects (creating if needed) the environment's workspace. */
  async selectWorkspace(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<string> {
    const ws = this.workspaceOf(env);
    if (ws === 'default') return ws;
    const r = await this.tf(target, ['workspace', 'select', '-or-create=true', '-no-color', ws], o);
    if (r.code !== 0) this.fail('workspace select', r);
    return ws;
  }

  /** Var files of the folder terraform runs in; a rollback worktree falls back to the module's own. */
  private varFileArgs(dir: string, target: DeployTarget, env: Environment): string[] {
    return env.terraform.varFiles.flatMap((f) => {
      const p = resolve(dir, f);
      return ['-var-file', existsSync(p) ? p : resolve(target.dir, f)];
    });
  }

  async plan(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<TerraformPlanResult> {
    await this.discardPlan(target, env);
    await this.init(target, o);
    const workspace = await this.selectWorkspace(target, env, o);
    return this.savePlan(target, target, env, workspace, [], undefined, o);
  }

  /**
   * Plans the configuration of the last successfully applied earlier commit (see
   * chooseRollbackCommit) in a detached worktree, against this module's state. Refusals (nothing
   * to roll back to, a dirty commit) throw `refused` with the reason.
   */
  async planRollback(
    target: DeployTarget,
    env: Environment,
    audit: readonly AuditRecord[],
    head: GitInfo,
    o: OperationOptions = {},
  ): Promise<TerraformPlanResult & { rollback: RollbackPlanInfo }> {
    const choice = chooseRollbackCommit(audit, env.name, target.id, head);
    if (choice.kind !== 'commit') throw new DeployError('refused', choice.message, { reason: choice.kind });
    await this.discardPlan(target, env);
    // The original module's workspace (and backend) decide where the state is.
    await this.init(target, o);
    const workspace = await this.selectWorkspace(target, env, o);
    const wt = await createWorktree(this.opts.runner, target.dir, choice.commit, o.signal);
    const rollback: RollbackPlanInfo = {
      commit: choice.commit,
      appliedAt: choice.time,
      worktree: wt.root,
      moduleDir: wt.moduleDir,
      stateArgs: stateArgs(target.dir, workspace),
    };
    try {
      const inTree: DeployTarget = { ...target, dir: wt.moduleDir };
      await this.init(inTree, o);
      const r = await this.savePlan(target, inTree, env, workspace, rollback.stateArgs, rollback, o);
      return { ...r, rollback };
    } catch (e) {
      await removeWorktree(this.opts.runner, target.dir, wt.root);
      throw e;
    }
  }

  /** Drops the saved plan; a rollback plan's worktree goes with it. */
  async discardPlan(target: DeployTarget, env: Environment): Promise<void> {
    const m = this.plans.load(target.id, env.name);
    this.plans.discard(target.id, env.name);
    if (m?.rollback) await removeWorktree(this.opts.runner, target.dir, m.rollback.worktree);
  }

  /** The saved plan's rollback details, when it is a rollback plan. */
  pendingRollback(target: DeployTarget, env: Environment): RollbackPlanInfo | undefined {
    return this.plans.load(target.id, env.name)?.rollback;
  }

  /** `runIn` is where terraform runs: the module itself, or a rollback worktree's copy of it. */
  private async savePlan(
    target: DeployTarget,
    runIn: DeployTarget,
    env: Environment,
    workspace: string,
    extraArgs: string[],
    rollback: RollbackPlanInfo | undefined,
    o: OperationOptions,
  ): Promise<TerraformPlanResult> {
    const planFile = this.plans.prepare(target.id, env.name);
    const filesDigest = moduleDigest(runIn.dir, env.terraform.varFiles);
    const r = await this.tf(
      runIn,
      [
        'plan',
        '-input=false',
        '-no-color',
        `-lock-timeout=${this.opts.lockTimeout ?? '0s'}`,
        ...extraArgs,
        '-out',
        planFile,
        ...this.varFileArgs(runIn.dir, target, env),
      ],
      { ...o, workspace },
    );
    if (r.code !== 0) this.fail('plan', r);
    const show = await this.tf(runIn, ['show', '-json', '-no-color', planFile], {
      ...o,
      workspace,
      stream: false,
    });
    if (show.code !== 0) this.fail('show', show);
    const summary = summarisePlan(JSON.parse(show.stdout), this.redactor);
    const manifest: PlanManifest = {
      target: target.id,
      environment: env.name,
      workspace,
      varFiles: env.terraform.varFiles,
      createdAt: new Date().toISOString(),
      filesDigest,
      planDigest: fileDigest(planFile),
      counts: summary.counts,
      rollback,
    };
    this.plans.save(manifest);
    return { summary, manifest, planFile };
  }

  /** Throws `stale-plan` / `no-plan` when the saved plan cannot be applied as reviewed. */
  checkPlan(target: DeployTarget, env: Environment): PlanManifest {
    const m = this.plans.load(target.id, env.name);
    if (!m)
      throw new DeployError('no-plan', `No saved plan for ${target.id} in ${env.name}: run Plan first.`);
    const planFile = this.plans.planFile(target.id, env.name);
    if (fileDigest(planFile) !== m.planDigest) {
      throw new DeployError(
        'stale-plan',
        `The saved plan for ${target.id} in ${env.name} was modified after review; plan again.`,
      );
    }
    if (m.rollback && !existsSync(m.rollback.moduleDir)) {
      throw new DeployError(
        'stale-plan',
        `The worktree of the rollback plan for ${target.id} in ${env.name} is gone; plan the rollback again.`,
      );
    }
    if (moduleDigest(m.rollback?.moduleDir ?? target.dir, m.varFiles) !== m.filesDigest) {
      throw new DeployError(
        'stale-plan',
        `The plan for ${target.id} in ${env.name} (made ${m.createdAt}) is older than the files it came from: ` +
          'they changed since. Plan again and review the new plan before deploying.',
        { createdAt: m.createdAt },
      );
    }
    if (m.workspace !== this.workspaceOf(env)) {
      throw new DeployError(
        'stale-plan',
        `The saved plan was made for workspace ${m.workspace}; plan again.`,
      );
    }
    return m;
  }

  /** Applies exactly the reviewed plan file. */
  async apply(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions = {},
  ): Promise<TerraformApplyResult> {
    const manifest = this.checkPlan(target, env);
    const planFile = this.plans.planFile(target.id, env.name);
    const rb = manifest.rollback;
    let r: RunResult;
    try {
      r = await this.tf(
        rb ? { ...target, dir: rb.moduleDir } : target,
        [
          'apply',
          '-input=false',
          '-no-color',
          `-lock-timeout=${this.opts.lockTimeout ?? '0s'}`,
          ...(rb?.stateArgs ?? []),
          planFile,
        ],
        { ...o, workspace: manifest.workspace },
      );
    } catch (e) {
      if (rb) await this.discardPlan(target, env); // cancelled: a rollback plan is made afresh
      throw e;
    }
    if (r.code !== 0) {
      // A partly applied plan cannot be applied again: terraform would call it stale.
      if (rb || !parseStateLockError(r.stderr)) await this.discardPlan(target, env);
      this.fail('apply', r);
    }
    await this.discardPlan(target, env);
    const outputs = await this.outputs(target, env, o);
    return { manifest, durationMs: r.durationMs, outputs };
  }

  async outputs(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<OutputValue[]> {
    const r = await this.tf(target, ['output', '-json', '-no-color'], {
      ...o,
      workspace: this.workspaceOf(env),
      stream: false,
    });
    if (r.code !== 0) this.fail('output', r);
    return parseOutputs(JSON.parse(r.stdout || '{}'), this.redactor);
  }

  /** Resources in the state, with tainted ones flagged (a failed provisioner leaves them so). */
  async resources(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions = {},
  ): Promise<TerraformResource[]> {
    const r = await this.tf(target, ['show', '-json', '-no-color'], {
      ...o,
      workspace: this.workspaceOf(env),
      stream: false,
    });
    if (r.code !== 0) this.fail('show', r);
    const state = JSON.parse(r.stdout || '{}') as { values?: { root_module?: TfModule } };
    const out: TerraformResource[] = [];
    const walk = (m: TfModule | undefined): void => {
      for (const res of m?.resources ?? []) out.push({ address: res.address, tainted: res.tainted === true });
      for (const c of m?.child_modules ?? []) walk(c);
    };
    walk(state.values?.root_module);
    return out;
  }
}

interface TfModule {
  resources?: { address: string; tainted?: boolean }[];
  child_modules?: TfModule[];
}

/** The "Error: ..." part of terraform's output, without the box drawing. */
export function errorText(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.replace(/^[│╷╵]\s?/, '').trimEnd())
    .filter((l) => l.length > 0);
  const i = lines.findIndex((l) => l.startsWith('Error:'));
  return (i >= 0 ? lines.slice(i, i + 8) : lines.slice(-8)).join(' ').slice(0, 800);
}
