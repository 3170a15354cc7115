// Terraform rollback with real git and real terraform (terraform_data, offline): plan the last
// successfully applied earlier commit in a worktree against the module's own state, apply it
// through the deploy path, and the refusals (dirty commit, nothing to roll back to).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { AuditLog, type AuditRecord } from '../../client/src/deploy/audit';
import { DeployOrchestrator, type ConfirmationRequest } from '../../client/src/deploy/orchestrator';
import { observeDriver } from '../../client/src/deploy/panels/observedDriver';
import { ProcessRunner } from '../../client/src/deploy/runner';
import { TerraformBackend } from '../../client/src/deploy/terraform';
import { TerraformDriver } from '../../client/src/deploy/terraformDriver';
import type { DeployTarget, Environment } from '../../client/src/deploy/types';
import { environment, TF_TEST_ENV, tempDir } from '../backends/helpers';

const MODULE = (v: string): string =>
  `resource "terraform_data" "app" {\n  input = "${v}"\n}\n\noutput "app" {\n  value = terraform_data.app.output\n}\n`;

describe('terraform rollback plan (real git, real terraform)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let repo: string;
  let target: DeployTarget;
  let tf: TerraformBackend;
  let audit: AuditLog;
  let asked: ConfirmationRequest[];
  let orch: DeployOrchestrator;

  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
  const write = (v: string): void => writeFileSync(join(target.dir, 'main.tf'), MODULE(v));
  const commit = (v: string): string => {
    write(v);
    git('add', '.');
    git('commit', '-qm', v);
    return git('rev-parse', 'HEAD');
  };
  const output = (env: Environment): string =>
    execFileSync('terraform', ['output', '-raw', 'app'], {
      cwd: target.dir,
      encoding: 'utf8',
      env: { ...process.env, ...TF_TEST_ENV, TF_WORKSPACE: env.terraform.workspace ?? 'default' },
    });
  const ends = (action: string): AuditRecord[] =>
    audit.read().filter((r) => r.phase === 'end' && r.action === action);
  const deploy = async (env: Environment): Promise<void> => {
    await orch.plan(target, env);
    const r = await orch.deploy(target, env);
    assert.equal(r.result, 'success', r.message);
  };
  const worktrees = (): number =>
    git('worktree', 'list', '--porcelain')
      .split('\n')
      .filter((l) => l.startsWith('worktree ')).length;

  beforeEach(() => {
    tmp = tempDir('rollback');
    repo = join(tmp.dir, 'repo');
    const dir = join(repo, 'infra', 'app');
    mkdirSync(dir, { recursive: true });
    git('init', '-q');
    writeFileSync(
      join(repo, '.gitignore'),
      '.bulwark/\n.terraform/\n*.tfstate\n*.tfstate.*\nterraform.tfstate.d/\n',
    );
    const runner = new ProcessRunner();
    const stateDir = join(repo, '.bulwark');
    tf = new TerraformBackend({ runner, stateDir, env: TF_TEST_ENV });
    audit = new AuditLog(join(stateDir, 'audit.jsonl'), tf.redactor);
    target = { kind: 'terraform', id: 'infra/app', dir, files: [] };
    asked = [];
    orch = new DeployOrchestrator({
      // Wrapped as the extension wraps it: the rollback-plan methods must pass through.
      driver: observeDriver(new TerraformDriver(tf), {}),
      audit,
      stateDir,
      runner,
      confirm: async (req) => {
        asked.push(req);
        return { confirmed: true };
      },
    });
  });

  afterEach(() => {
    // A failed test may leave a worktree: remove it before the repository goes.
    const m = tf.plans.load(target.id, 'dev') ?? tf.plans.load(target.id, 'staging');
    if (m?.rollback) rmSync(m.rollback.worktree, { recursive: true, force: true });
    tmp.cleanup();
  });

  for (const env of [
    environment('dev'),
    environment('staging', { terraform: { workspace: 'stg', varFiles: [] } }),
  ]) {
    test(`plans and applies a rollback to the previous commit (workspace ${env.terraform.workspace ?? 'default'})`, async () => {
      const a = commit('v1');
      await deploy(env);
      const b = commit('v2');
      await deploy(env);
      assert.equal(output(env), 'v2');

      const plan = await orch.planRollback(target, env);
      assert.equal(plan.result, 'success', plan.message);
      assert.equal(plan.rollbackTo?.commit, a);
      assert.deepEqual(plan.preview?.counts, { add: 0, change: 1, replace: 0, destroy: 0 });
      const pending = tf.pendingRollback(target, env);
      assert.ok(pending && existsSync(pending.moduleDir), 'the worktree holds the module of commit A');
      assert.equal(worktrees(), 2);
      assert.equal(output(env), 'v2', 'planning changes nothing');

      const r = await orch.deploy(target, env);
      assert.equal(r.result, 'success', r.message);
      assert.equal(r.message, `rolled back infra/app in ${env.name} to commit ${a.slice(0, 12)}`);
      assert.match(
        asked.at(-1)!.text,
        /^Roll back infra\/app to (dev|staging) \(workspace (default|stg)\): 0 to add, 1 to change, 0 to replace, 0 to destroy\./,
      );
      assert.match(asked.at(-1)!.text, new RegExp(`commit ${a.slice(0, 12)}`));
      assert.equal(output(env), 'v1', "the original folder's state is back at v1");
      assert.equal(git('rev-parse', 'HEAD'), b, 'the checkout is untouched');
      assert.ok(!existsSync(pending.worktree), 'worktree folder removed');
      assert.equal(worktrees(), 1, 'git forgot the worktree');
      assert.equal(tf.plans.load(target.id, env.name), undefined, 'the rollback plan is used once');

      const rp = ends('rollback-plan');
      assert.equal(rp.length, 1);
      assert.equal(rp[0]!.result, 'success');
      assert.equal(rp[0]!.details?.rollbackTo, a);
      assert.equal(rp[0]!.planDigest, plan.preview?.planDigest);
      const rb = ends('rollback');
      assert.equal(rb.length, 1);
      assert.equal(rb[0]!.result, 'success');
      assert.deepEqual(rb[0]!.git, { commit: a, dirty: false });
      assert.equal(rb[0]!.planDigest, plan.preview?.planDigest);
      assert.equal(ends('deploy').length, 2, 'the rollback is not recorded as a deploy');
    });
  }

  test('a rollback plan whose deploy is declined is discarded with its worktree', async () => {
    const env = environment('dev');
    commit('v1');
    await deploy(env);
    commit('v2');
    await deploy(env);
    await orch.planRollback(target, env);
    const wt = tf.pendingRollback(target, env)!.worktree;
    const declining = new DeployOrchestrator({
      driver: new TerraformDriver(tf),
      audit,
      stateDir: join(repo, '.bulwark'),
      runner: new ProcessRunner(),
      confirm: async () => ({ confirmed: false }),
    });
    const r = await declining.deploy(target, env);
    assert.equal(r.result, 'refused');
    assert.ok(!existsSync(wt));
    assert.equal(worktrees(), 1);
    assert.equal(output(env), 'v2');
    assert.equal(ends('rollback').at(-1)?.result, 'refused');
  });

  test('refuses when the commit to return to was deployed from a dirty tree', async () => {
    const env = environment('dev');
    commit('v1');
    write('v1-uncommitted');
    await deploy(env);
    assert.equal(ends('deploy')[0]!.git?.dirty, true);
    commit('v2');
    await deploy(env);
    const r = await orch.planRollback(target, env);
    assert.equal(r.result, 'refused');
    assert.match(r.message, /uncommitted changes: its configuration cannot be reproduced/);
    assert.equal(worktrees(), 1, 'no worktree made');
    assert.equal(tf.plans.load(target.id, 'dev'), undefined);
    assert.equal(ends('rollback-plan')[0]!.result, 'refused');
    assert.equal(output(env), 'v2');
  });

  test('says there is nothing to roll back to when the only apply is the current clean HEAD', async () => {
    const env = environment('dev');
    const a = commit('v1');
    await deploy(env);
    const r = await orch.planRollback(target, env);
    assert.equal(r.result, 'refused');
    assert.match(
      r.message,
      new RegExp(`runs commit ${a.slice(0, 12)}, the current HEAD.*nothing to roll back to`),
    );
    assert.equal(worktrees(), 1);
  });
});
