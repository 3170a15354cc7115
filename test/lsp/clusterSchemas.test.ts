/**
 * Opt-in cluster schemas (`bulwark.kubernetes.clusterSchemas`), end to end: the language server
 * runs the real kubectl against the test API server (test/backends/kube-api-server.ts), which
 * serves a `stable.example.com/v1` `CronTab` in its /openapi/v3. A CronTab manifest with an
 * unknown field must then get `k8s/schema-unknown-field` instead of `k8s/no-schema`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { KubeApiServer } from '../backends/kube-api-server';
import { RefreshClusterSchemasRequest } from '../../server/src/protocol';
import { serverFor, tempWorkspace, type TestServer } from './harness';

const CRONTAB = [
  'apiVersion: stable.example.com/v1',
  'kind: CronTab',
  'metadata:',
  '  name: nightly',
  'spec:',
  '  cronSpec: "0 3 * * *"',
  '  image: busybox:1.36',
  '  replicaz: 2',
  '',
].join('\n');

async function setup(
  t: { after: (fn: () => Promise<void> | void) => void },
  settings: Record<string, unknown>,
  trusted?: boolean,
) {
  const api = new KubeApiServer();
  await api.start();
  t.after(() => api.stop());
  const cache = mkdtempSync(join(tmpdir(), 'bulwark-cluster-cache-'));
  t.after(() => rmSync(cache, { recursive: true, force: true }));
  const ws = tempWorkspace({ 'crontab.yaml': CRONTAB });
  t.after(ws.dispose);
  const s = await serverFor(t, {
    folders: [ws.root],
    trusted,
    env: { ...api.env(), XDG_CACHE_HOME: cache },
    settings: () =>
      ({ validate: { debounceMs: 0 }, workspaceScan: { enabled: false }, ...settings }) as never,
  });
  const u = s.open(ws.path('crontab.yaml'), CRONTAB);
  return { api, cache, s, u };
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();

function waitForCodes(s: TestServer, u: string, pred: (codes: unknown[]) => boolean) {
  return s.waitForDiagnostics(u, (p) => pred(codes(p)));
}

describe('cluster schemas (real kubectl, test API server)', () => {
  test('on: a custom resource is checked and hovered against the schema the cluster serves', async (t) => {
    const { api, cache, s, u } = await setup(t, { kubernetes: { clusterSchemas: true } });
    // The first check may run before kubectl answers (never blocked); the re-check follows.
    const p = await waitForCodes(s, u, (c) => c.includes('k8s/schema-unknown-field'));
    assert.deepEqual(codes(p), ['k8s/schema-unknown-field']);
    const d = p.diagnostics[0]!;
    assert.deepEqual(d.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 10 } });
    assert.match(d.message, /replicaz/);
    // The index, then only the custom group-version: built-in ones are covered offline.
    assert.ok(api.requests.includes('GET /openapi/v3'), api.requests.join('\n'));
    assert.ok(api.requests.includes('GET /openapi/v3/apis/stable.example.com/v1'));
    assert.ok(!api.requests.includes('GET /openapi/v3/apis/apps/v1'));
    // Cached on disk per context.
    assert.deepEqual(readdirSync(join(cache, 'bulwark', 'cluster-schemas')), ['test-ctx.json']);
    const h: Hover = await s.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: u },
      position: { line: 5, character: 4 },
    });
    assert.match(
      (h.contents as MarkupContent).value,
      /\*\*cronSpec\*\* · `string`\n\nThe schedule, in cron format\./,
    );
    // The refresh command reads the cluster again, skipping the disk cache.
    const before = api.requests.length;
    const r = await s.conn.sendRequest(RefreshClusterSchemasRequest.type);
    assert.equal(r.kinds, 2);
    assert.ok(api.requests.slice(before).includes('GET /openapi/v3/apis/stable.example.com/v1'));
  });

  test('off (the default): kubectl is not run and the custom resource has no schema', async (t) => {
    const { api, s, u } = await setup(t, {});
    const p = await s.waitForDiagnostics(u);
    assert.deepEqual(codes(p), ['k8s/no-schema']);
    const r = await s.conn.sendRequest(RefreshClusterSchemasRequest.type);
    assert.equal(r.kinds, 0);
    assert.deepEqual(api.requests, []);
  });

  test('untrusted workspace: the setting is ignored and kubectl is not run', async (t) => {
    const { api, s, u } = await setup(t, { kubernetes: { clusterSchemas: true } }, false);
    const p = await s.waitForDiagnostics(u);
    assert.deepEqual(codes(p), ['k8s/no-schema']);
    assert.equal((await s.conn.sendRequest(RefreshClusterSchemasRequest.type)).kinds, 0);
    assert.deepEqual(api.requests, []);
  });
});
