// Real kubectl against the test API server: diff, server-side apply, rollout status, history, undo.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AuditLog } from '../../client/src/deploy/audit';
import { KubernetesBackend } from '../../client/src/deploy/kubernetes';
import { KubernetesDriver } from '../../client/src/deploy/kubernetesDriver';
import { DeployOrchestrator, type RollbackOffer } from '../../client/src/deploy/orchestrator';
import { ProcessRunner } from '../../client/src/deploy/runner';
import type { DeployTarget } from '../../client/src/deploy/types';
import { KubeApiServer } from './kube-api-server';
import { collectingSink, environment, FIXTURES, tempDir } from './helpers';

const app: DeployTarget = { kind: 'kubernetes', id: 'k8s/app', dir: join(FIXTURES, 'kube/app'), files: [] };
const failing: DeployTarget = {
  kind: 'kubernetes',
  id: 'k8s/app',
  dir: join(FIXTURES, 'kube/failing'),
  files: [],
};
const env = environment('dev', { kube: { context: 'test-ctx', namespace: 'shop' } });
const web = { resource: 'deployment.apps', name: 'web' };

describe('kubernetes backend (real kubectl, test API server)', () => {
  const server = new KubeApiServer();
  let kube: KubernetesBackend;
  before(async () => {
    await server.start();
    kube = new KubernetesBackend({ runner: new ProcessRunner(), env: server.env() });
  });
  after(() => server.stop());

  test('diff before the first apply lists every object as new', async () => {
    const d = await kube.diff(app, env);
    assert.deepEqual(d.map((e) => `${e.kind}/${e.namespace}/${e.name}`).sort(), [
      'ConfigMap/shop/web-config',
      'Deployment/shop/web',
    ]);
    assert.ok(d.every((e) => e.created));
  });

  test('server-side apply with field manager bulwark, then rollout status succeeds', async () => {
    const out = collectingSink();
    const r = await kube.apply(app, env, { sink: out.sink });
    assert.deepEqual(r.workloads, [web]);
    assert.equal(r.applied.length, 2);
    assert.ok(
      server.requests.some((q) =>
        q.startsWith('PATCH /apis/apps/v1/namespaces/shop/deployments/web?fieldManager=bulwark'),
      ),
    );
    const s = await kube.rolloutStatus(web, env, { timeoutSeconds: 20, sink: out.sink });
    assert.equal(s.ok, true, s.reason);
    assert.equal(s.status?.ready, 3);
    assert.equal(s.status?.revision, 1);
    assert.ok(out.lines.some((l) => l.includes('successfully rolled out')));
  });

  test('diff after apply: no differences', async () => {
    assert.deepEqual(await kube.diff(app, env), []);
  });

  test('a failing image ends in ProgressDeadlineExceeded; undo restores the old ReplicaSet', async () => {
    const d = await kube.diff(failing, env);
    assert.equal(d.length, 1);
    assert.match(d[0]!.diff, /\+\s+- image: example\/web-fail:2|\+\s+image: example\/web-fail:2/);
    await kube.apply(failing, env);
    const s = await kube.rolloutStatus(web, env, { timeoutSeconds: 20 });
    assert.equal(s.ok, false);
    assert.match(s.reason ?? '', /ProgressDeadlineExceeded/);
    assert.deepEqual(
      (await kube.history(web, env)).map((h) => h.revision),
      [1, 2],
    );
    await kube.undo(web, env);
    const back = await kube.rolloutStatus(web, env, { timeoutSeconds: 20 });
    assert.equal(back.ok, true, back.reason);
    assert.deepEqual(back.status?.images, ['example/web:1']);
    assert.equal(server.list('replicasets', 'shop').length, 2, 'undo reused the old ReplicaSet');
    assert.deepEqual(
      (await kube.history(web, env)).map((h) => h.revision),
      [2, 3],
    );
  });

  test('undo to a chosen revision', async () => {
    await kube.undo(web, env, { toRevision: 2 });
    const s = await kube.rolloutStatus(web, env, { timeoutSeconds: 20 });
    assert.equal(s.ok, false, 'revision 2 is the failing image');
    assert.deepEqual(s.status?.images, ['example/web-fail:2']);
    assert.equal(s.status?.revision, 4);
  });
});

describe('kubernetes deploys through the orchestrator: circuit breaker', () => {
  const server = new KubeApiServer();
  const tmp = tempDir('kube-orch');
  let kube: KubernetesBackend;
  let audit: AuditLog;
  const make = (offer?: (o: RollbackOffer) => Promise<boolean>): DeployOrchestrator =>
    new DeployOrchestrator({
      driver: new KubernetesDriver(kube, 20),
      audit,
      stateDir: join(tmp.dir, '.bulwark'),
      runner: new ProcessRunner(),
      confirm: async () => ({ confirmed: true }),
      offerRollback: offer,
    });
  before(async () => {
    await server.start();
    kube = new KubernetesBackend({ runner: new ProcessRunner(), env: server.env() });
    audit = new AuditLog(join(tmp.dir, '.bulwark', 'audit.jsonl'));
  });
  after(async () => {
    await server.stop();
    tmp.cleanup();
  });

  test('a good deploy succeeds after watching the rollout', async () => {
    const out = await make().deploy(app, env);
    assert.equal(out.result, 'success', out.message);
    assert.deepEqual(out.preview?.counts, { add: 2, change: 0, replace: 0, destroy: 0 });
  });

  test('failing image, autoRollback off: the rollback is offered; declined, it stays available', async () => {
    const offers: RollbackOffer[] = [];
    const out = await make(async (o) => (offers.push(o), false)).deploy(failing, env);
    assert.equal(out.result, 'failure');
    assert.equal(out.rollbackAvailable, true);
    assert.match(out.message, /deployment.apps\/web: ProgressDeadlineExceeded/);
    assert.equal(offers[0]?.failures[0]?.name, 'deployment.apps/web');
    assert.deepEqual((await kube.status(web, env)).images, ['example/web-fail:2'], 'nothing rolled back');
    await kube.undo(web, env);
    assert.equal((await kube.rolloutStatus(web, env, { timeoutSeconds: 20 })).ok, true);
  });

  test('failing image, autoRollback on: rolled back automatically, recorded as its own action', async () => {
    const out = await make().deploy(failing, { ...env, autoRollback: true });
    assert.equal(out.result, 'rolled-back', out.message);
    const s = await kube.status(web, env);
    assert.deepEqual([s.images, s.complete], [['example/web:1'], true]);
    const rb = audit
      .read()
      .filter((r) => r.action === 'rollback' && r.phase === 'end')
      .at(-1);
    assert.equal(rb?.result, 'success');
    assert.equal(rb?.details?.reason, 'automatic: rollout failed');
    assert.deepEqual(rb?.scope, { context: 'test-ctx', namespace: 'shop' });
    assert.equal(
      audit
        .read()
        .filter((r) => r.action === 'deploy' && r.phase === 'end')
        .at(-1)?.result,
      'rolled-back',
    );
  });
});
