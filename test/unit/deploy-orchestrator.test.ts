// The deploy orchestrator end to end with the real terraform backend (terraform_data, offline):
// plan -> gates -> confirmation -> apply -> audit, a failing local-exec, lock contention, Cancel.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { AuditLog, type AuditRecord } from '../../client/src/deploy/audit';
import { isDeployError } from '../../client/src/deploy/errors';
import { DeployLock } from '../../client/src/deploy/lock';
import {
  DeployOrchestrator,
  type ConfirmationAnswer,
  type ConfirmationRequest,
  type OrchestratorDeps,
} from '../../client/src/deploy/orchestrator';
import { ProcessRunner } from '../../client/src/deploy/runner';
import { TerraformBackend } from '../../client/src/deploy/terraform';
import { TerraformDriver } from '../../client/src/deploy/terraformDriver';
import type { DeployTarget } from '../../client/src/deploy/types';
import { copyFixture, environment, TF_TEST_ENV, tempDir, waitFor } from '../backends/helpers';

interface Setup {
  target: DeployTarget;
  tf: TerraformBackend;
  audit: AuditLog;
  stateDir: string;
  lines: string[];
  asked: ConfirmationRequest[];
  make(patch?: Partial<OrchestratorDeps>, answer?: ConfirmationAnswer): DeployOrchestrator;
}

function ends(audit: AuditLog, action: string): AuditRecord[] {
  return audit.read().filter((r) => r.phase === 'end' && r.action === action);
}

describe('deploy orchestrator with real terraform', () => {
  let tmp: ReturnType<typeof tempDir>;
  let s: Setup;

  beforeEach(() => {
    tmp = tempDir('orch');
    const dir = copyFixture('terraform/basic', tmp.dir);
    const stateDir = join(tmp.dir, '.bulwark');
    const runner = new ProcessRunner();
    const tf = new TerraformBackend({ runner, stateDir, env: TF_TEST_ENV });
    const audit = new AuditLog(join(stateDir, 'audit.jsonl'), tf.redactor);
    const lines: string[] = [];
    const asked: ConfirmationRequest[] = [];
    const target: DeployTarget = { kind: 'terraform', id: 'infra/basic', dir, files: [] };
    s = {
      target,
      tf,
      audit,
      stateDir,
      lines,
      asked,
      make: (patch = {}, answer = { confirmed: true }) =>
        new DeployOrchestrator({
          driver: new TerraformDriver(tf),
          audit,
          stateDir,
          runner,
          sink: (_s, l) => lines.push(l),
          confirm: async (req) => {
            asked.push(req);
            return answer;
          },
          ...patch,
        }),
    };
  });
  afterEach(() => tmp.cleanup());

  test('plan, confirm, apply: audit records start and end with the plan digest; no secret written', async () => {
    const o = s.make();
    const env = environment('dev');
    const preview = await o.plan(s.target, env);
    assert.deepEqual(preview.counts, { add: 4, change: 0, replace: 0, destroy: 0 });
    const out = await o.deploy(s.target, env);
    assert.equal(out.result, 'success', out.message);
    assert.equal(
      s.asked[0]?.text,
      'Deploy infra/basic to dev (workspace default): 4 to add, 0 to change, 0 to replace, 0 to destroy.',
    );
    const records = s.audit.read();
    assert.deepEqual(
      records.map((r) => `${r.action}:${r.phase}`),
      ['plan:start', 'plan:end', 'deploy:start', 'deploy:end'],
    );
    const end = ends(s.audit, 'deploy')[0]!;
    assert.equal(end.result, 'success');
    assert.equal(end.planDigest, preview.planDigest);
    assert.deepEqual(end.scope, { workspace: 'default' });
    assert.deepEqual(
      end.gates?.map((g) => [g.id, g.ok]),
      [
        ['window', true],
        ['health-checks', true],
        ['rollback-path', true],
      ],
    );
    assert.ok(typeof end.durationMs === 'number' && end.user && end.host);
    assert.ok(!JSON.stringify(records).includes('s3cr3t-hunter2-value'));
    assert.ok(!s.lines.join('\n').includes('s3cr3t-hunter2-value'));
    assert.ok(!existsSync(DeployLock.lockPath(s.stateDir, s.target.id, 'dev')), 'deploy lock released');
  });

  test('a failing local-exec: failure reported, audit end record has the error, state consistent', async () => {
    writeFileSync(join(s.target.dir, 'fail.tfvars'), 'fail = true\n');
    const env = environment('dev', { terraform: { varFiles: ['fail.tfvars'] } });
    const o = s.make();
    await o.plan(s.target, env);
    const out = await o.deploy(s.target, env);
    assert.equal(out.result, 'failure');
    assert.match(out.message, /terraform apply failed \(exit 1\): Error: local-exec provisioner error/);
    const end = ends(s.audit, 'deploy')[0]!;
    assert.equal(end.result, 'failure');
    assert.match(end.error ?? '', /local-exec provisioner error/);
    const resources = await s.tf.resources(s.target, env);
    assert.deepEqual(
      resources.filter((r) => r.tainted).map((r) => r.address),
      ['terraform_data.step'],
    );
    assert.ok(
      !existsSync(join(s.target.dir, '.terraform.tfstate.lock.info')),
      'terraform state lock released',
    );
    const again = await o.plan(s.target, env);
    assert.equal(again.counts.replace, 1, 'the tainted resource is replaced by the next plan');
  });

  test('lock contention: a second deploy is refused, a second terraform run explains the state lock; Cancel leaves state and audit consistent', async () => {
    writeFileSync(join(s.target.dir, 'slow.tfvars'), 'sleep_seconds = 60\n');
    const env = environment('dev', { terraform: { varFiles: ['slow.tfvars'] } });
    const o = s.make();
    await o.plan(s.target, env);
    const ac = new AbortController();
    const first = o.deploy(s.target, env, { signal: ac.signal });
    await waitFor(
      'the slow provisioner to start',
      () => s.lines.some((l) => l.includes("Provisioning with 'local-exec'")),
      20_000,
    );

    const second = await s.make().deploy(s.target, env);
    assert.equal(second.result, 'refused');
    assert.ok(isDeployError(second.error, 'deploy-locked'));
    assert.match(
      second.message,
      /Another deploy of infra\/basic to dev is in progress: deploy by .* \(pid \d+\)/,
    );

    const t0 = Date.now();
    await assert.rejects(s.make().plan(s.target, environment('dev-2')), (e: unknown) => {
      assert.ok(isDeployError(e, 'state-locked'));
      assert.match(
        e.message,
        /^The terraform state is locked by another operation \(ID [0-9a-f-]{36}, held by \S+@\S+, during apply, since \d{4}-/,
      );
      assert.ok(!e.message.includes('│'), 'explained, not dumped');
      return true;
    });
    assert.ok(Date.now() - t0 < 5000, 'fails fast');

    ac.abort();
    const out = await first;
    assert.equal(out.result, 'cancelled');
    const end = ends(s.audit, 'deploy').find((r) => r.result === 'cancelled');
    assert.ok(end, 'the cancelled deploy has its end record');
    assert.equal(
      s.audit.read().filter((r) => r.phase === 'start').length,
      s.audit.read().filter((r) => r.phase === 'end').length,
    );
    assert.ok(
      !existsSync(join(s.target.dir, '.terraform.tfstate.lock.info')),
      'terraform released its state lock',
    );
    assert.ok(!existsSync(DeployLock.lockPath(s.stateDir, s.target.id, 'dev')), 'deploy lock released');
    const resources = await s.tf.resources(s.target, env);
    assert.ok(resources.length >= 1, 'state readable after cancel');
    const replan = await s.make().plan(s.target, environment('dev'));
    assert.ok(replan.counts.add + replan.counts.replace >= 1, 'the interrupted resource is planned again');
  });

  test('a stale plan is refused and recorded', async () => {
    const env = environment('dev');
    const o = s.make();
    await o.plan(s.target, env);
    writeFileSync(join(s.target.dir, 'extra.tf'), 'resource "terraform_data" "late" {}\n');
    const out = await o.deploy(s.target, env);
    assert.equal(out.result, 'refused');
    assert.ok(isDeployError(out.error, 'stale-plan'));
    assert.equal(s.asked.length, 0, 'never asked to confirm a stale plan');
    assert.equal(ends(s.audit, 'deploy')[0]?.result, 'refused');
  });

  test('protected, outside the window, promotion and analyzer errors: refused until the name is typed and reasons given', async () => {
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
        cwd: s.target.dir,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'init');
    const commit = git('rev-parse', 'HEAD').trim();
    const prod = environment('prod', {
      protected: true,
      terraform: { workspace: 'prod', varFiles: [] },
      promotesFrom: 'staging',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          start: '09:00',
          end: '17:00',
          timeZone: 'Europe/Berlin',
        },
      ],
    });
    const saturday = () => new Date('2024-01-13T10:00:00Z');
    const findErrors = async () => [{ file: 'main.tf', line: 3, ruleId: 'tf/example', message: 'bad' }];

    await s.make().plan(s.target, prod);
    const refused = await s
      .make({ now: saturday, findErrors }, { confirmed: true, typedName: 'prod' })
      .deploy(s.target, prod);
    assert.equal(refused.result, 'refused');
    assert.match(refused.message, /window .*promotion .*never deployed successfully to staging.*no-errors/);
    assert.deepEqual(
      s.asked[0]?.needsOverride.map((g) => g.id),
      ['window', 'promotion', 'no-errors'],
    );
    assert.equal(s.asked[0]?.requiresTypedName, true);
    assert.match(
      s.asked[0]!.text,
      /^Deploy infra\/basic to prod \(workspace prod\): 4 to add.*prod is protected: type its name to confirm\.$/,
    );

    const overrides = [
      { gate: 'window' as const, reason: 'incident 42 hotfix' },
      { gate: 'promotion' as const, reason: 'staging is down' },
      { gate: 'no-errors' as const, reason: 'rule misfires on terraform_data' },
    ];
    const wrongName = await s
      .make({ now: saturday, findErrors }, { confirmed: true, typedName: 'staging', overrides })
      .deploy(s.target, prod);
    assert.equal(wrongName.result, 'refused');
    assert.match(wrongName.message, /type "prod" exactly/);

    const ok = await s
      .make({ now: saturday, findErrors }, { confirmed: true, typedName: 'prod', overrides })
      .deploy(s.target, prod);
    assert.equal(ok.result, 'success', ok.message);
    const end = ends(s.audit, 'deploy').at(-1)!;
    assert.deepEqual(end.overrides, overrides);
    assert.deepEqual(end.git, { commit, dirty: false });
    assert.equal(end.scope.workspace, 'prod');
  });
});
