// Real Docker engine + Compose v2 (scripts/ci-setup-docker.sh): plan, up with healthchecks,
// a crashing service rolled back to the last good config, down.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AuditLog } from '../../client/src/deploy/audit';
import { ComposeBackend } from '../../client/src/deploy/compose';
import { ComposeDriver } from '../../client/src/deploy/composeDriver';
import { DeployOrchestrator } from '../../client/src/deploy/orchestrator';
import { ProcessRunner } from '../../client/src/deploy/runner';
import type { DeployTarget } from '../../client/src/deploy/types';
import { findDocker } from './docker-env';
import { collectingSink, copyFixture, environment, tempDir } from './helpers';

const found = findDocker();

describe('compose backend (real Docker engine)', { skip: found.skip }, () => {
  const tmp = tempDir('compose');
  const env = environment('dev', { compose: { project: `bulwark-t-${randomBytes(3).toString('hex')}` } });
  let compose: ComposeBackend;
  let target: DeployTarget;
  let crashing: DeployTarget;

  before(() => {
    const dir = copyFixture('compose', tmp.dir);
    target = { kind: 'compose', id: 'apps/shop', dir, files: ['compose.yaml'] };
    crashing = { ...target, files: ['compose.yaml', 'compose.crash.yaml'] };
    compose = new ComposeBackend({
      runner: new ProcessRunner(),
      stateDir: join(tmp.dir, '.bulwark'),
      env: found.docker!.env,
    });
  });
  after(async () => {
    await compose?.down(target, env, { timeoutSeconds: 1 }).catch(() => undefined);
    tmp.cleanup();
  });

  test('plan: both services would be created; config is normalised', async () => {
    const p = await compose.plan(target, env);
    assert.deepEqual(p.services, [
      { name: 'web', change: 'create' },
      { name: 'worker', change: 'create' },
    ]);
    const cfg = p.config as { services: Record<string, { pull_policy: string }> };
    assert.equal(cfg.services.web?.pull_policy, 'never');
  });

  test('up -d --wait returns when healthy and keeps the last good config', async () => {
    const out = collectingSink();
    const r = await compose.up(target, env, { sink: out.sink });
    assert.equal(r.ok, true, r.reason);
    assert.deepEqual(r.services.map((s) => [s.service, s.state, s.health]).sort(), [
      ['web', 'running', 'healthy'],
      ['worker', 'running', 'healthy'],
    ]);
    assert.ok(compose.hasLastGood(target, env));
    assert.match(
      compose.lastGoodPath(target, env),
      /\.bulwark\/compose\/dev-[0-9a-f]+\/bulwark-t-[0-9a-f]+\/last-good\.yaml$/,
    );
    assert.match(readFileSync(compose.lastGoodPath(target, env), 'utf8'), /exec sleep 3600/);
    const again = await compose.plan(target, env);
    assert.ok(
      again.services.every((s) => s.change === 'unchanged'),
      JSON.stringify(again.services),
    );
  });

  test('plan names the service a changed file would recreate', async () => {
    const p = await compose.plan(crashing, env);
    assert.deepEqual(p.services, [
      { name: 'web', change: 'recreate' },
      { name: 'worker', change: 'unchanged' },
    ]);
  });

  test('a crashing service fails up --wait and the circuit breaker redeploys the last good config', async () => {
    const audit = new AuditLog(join(tmp.dir, '.bulwark', 'audit.jsonl'));
    const o = new DeployOrchestrator({
      driver: new ComposeDriver(compose),
      audit,
      stateDir: join(tmp.dir, '.bulwark'),
      runner: new ProcessRunner(),
      confirm: async () => ({ confirmed: true }),
    });
    const out = await o.deploy(crashing, { ...env, autoRollback: true });
    assert.equal(out.result, 'rolled-back', out.message);
    assert.match(out.message, /web: container \S+-web-1 exited \(4\)/);
    assert.equal(out.preview?.changeText, 'web: recreate');
    assert.match(
      readFileSync(compose.lastGoodPath(target, env), 'utf8'),
      /exec sleep 3600/,
      'last good kept',
    );
    const web = (await compose.ps(target, env)).find((s) => s.service === 'web');
    assert.deepEqual([web?.state, web?.health], ['running', 'healthy']);
    const rb = audit.read().filter((r) => r.action === 'rollback' && r.phase === 'end');
    assert.deepEqual(
      rb.map((r) => [r.result, r.scope.project]),
      [['success', env.compose.project]],
    );
  });

  test('rollback on request redeploys the last good config', async () => {
    const r = await compose.up(crashing, env);
    assert.equal(r.ok, false);
    const back = await compose.rollback(target, env);
    assert.equal(back.ok, true, back.reason);
  });

  test('down removes every container of the project', async () => {
    await compose.down(target, env, { timeoutSeconds: 1 });
    assert.deepEqual(await compose.ps(target, env), []);
  });
});
