// Real kubectl against the test API server: diff, server-side apply, rollout status, history, undo.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { KubernetesBackend } from '../../client/src/deploy/kubernetes';
import { ProcessRunner } from '../../client/src/deploy/runner';
import type { DeployTarget } from '../../client/src/deploy/types';
import { KubeApiServer } from './kube-api-server';
import { collectingSink, environment, FIXTURES } from './helpers';

const app: DeployTarget = { kind: 'kubernetes', id: 'k8s/app', dir: join(FIXTURES, 'kube/app'), files: [] };
const failing: DeployTarget = { kind: 'kubernetes', id: 'k8s/app', dir: join(FIXTURES, 'kube/failing'), files: [] };
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
    assert.ok(server.requests.some((q) => q.startsWith('PATCH /apis/apps/v1/namespaces/shop/deployments/web?fieldManager=bulwark')));
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
    assert.deepEqual((await kube.history(web, env)).map((h) => h.revision), [1, 2]);
    await kube.undo(web, env);
    const back = await kube.rolloutStatus(web, env, { timeoutSeconds: 20 });
    assert.equal(back.ok, true, back.reason);
    assert.deepEqual(back.status?.images, ['example/web:1']);
    assert.equal(server.list('replicasets', 'shop').length, 2, 'undo reused the old ReplicaSet');
    assert.deepEqual((await kube.history(web, env)).map((h) => h.revision), [2, 3]);
  });

  test('undo to a chosen revision', async () => {
    await kube.undo(web, env, { toRevision: 2 });
    const s = await kube.rolloutStatus(web, env, { timeoutSeconds: 20 });
    assert.equal(s.ok, false, 'revision 2 is the failing image');
    assert.deepEqual(s.status?.images, ['example/web-fail:2']);
    assert.equal(s.status?.revision, 4);
  });
});
