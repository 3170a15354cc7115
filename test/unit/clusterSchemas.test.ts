/**
 * Cluster schemas without a cluster: the OpenAPI v3 conversion (core/features/clusterSchemas.ts),
 * workspace CRDs winning over the cluster in the check, and the per-context disk cache with its
 * TTL (node/clusterSchemas.ts, with a kubectl that always fails so only the disk can answer).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import { ClusterSchemas } from '../../server/src/core/features/clusterSchemas';
import type { JsonSchema } from '../../server/src/core/features/schemaNav';
import { ClusterSchemaCache, DEFAULT_TTL_MS } from '../../server/src/node/clusterSchemas';
import { cronTabOpenApiDoc } from '../backends/kube-api-server';
import { ASSETS, diskHost } from '../helpers/analyzer';

const DOCS = { 'apis/stable.example.com/v1': cronTabOpenApiDoc() };

const CRONTAB = [
  'apiVersion: stable.example.com/v1',
  'kind: CronTab',
  'metadata:',
  '  name: nightly',
  '  labelz: {}',
  'spec:',
  '  cronSpec: 5',
  '  image: busybox',
  '  replicaz: 2',
  '',
].join('\n');

/** The schema of a property path; fails the test where one is missing. */
function at(s: JsonSchema, ...names: string[]): JsonSchema {
  let cur = s;
  for (const n of names) {
    const next = cur.properties?.[n];
    assert.ok(next, `no property ${n}`);
    cur = next;
  }
  return cur;
}

describe('ClusterSchemas (OpenAPI v3 to the validator dialect)', () => {
  const schemas = new ClusterSchemas(DOCS, 'cluster context test');

  test('indexes the kinds tagged with x-kubernetes-group-version-kind', () => {
    assert.equal(schemas.size, 2);
    assert.ok(schemas.schema('stable.example.com/v1', 'CronTabList'));
    assert.equal(schemas.schema('stable.example.com/v2', 'CronTab'), undefined);
    assert.equal(
      schemas.schema('stable.example.com/v1', 'CronTab'),
      schemas.schema('stable.example.com/v1', 'CronTab'),
    );
  });

  test('strict objects, refs inlined, allOf wrappers folded, formats dropped', () => {
    const s = schemas.schema('stable.example.com/v1', 'CronTab')!.schema;
    const spec = at(s, 'spec');
    assert.equal(s.additionalProperties, false);
    assert.equal(spec.additionalProperties, false);
    assert.deepEqual(spec.required, ['cronSpec', 'image']);
    assert.equal((at(spec, 'replicas') as { format?: string }).format, undefined);
    // The served ObjectMeta, inlined from the components, is as strict as the API server.
    assert.equal(at(s, 'metadata', 'labels').type, 'object');
    assert.equal(at(s, 'metadata').additionalProperties, false);
    const list = schemas.schema('stable.example.com/v1', 'CronTabList')!.schema;
    const item = at(list, 'items').items as JsonSchema;
    assert.equal(at(item, 'spec', 'cronSpec').type, 'string');
  });

  test('the check reports what the cluster schema rejects, at the offending keys', async () => {
    const host = { ...diskHost(), clusterSchema: (v: string, k: string) => schemas.schema(v, k) };
    const a = await Analyzer.create(host, { assetsDir: ASSETS });
    const found = a
      .analyze('/virtual/cluster/crontab.yaml', CRONTAB)
      .findings.filter((f) => f.ruleId.startsWith('k8s/schema'));
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]),
      [
        ['k8s/schema-unknown-field', 4, 2],
        ['k8s/schema-type', 6, 12],
        ['k8s/schema-unknown-field', 8, 2],
      ],
    );
  });

  test('a CRD of the workspace wins over the cluster', async () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata:',
      '  name: crontabs.stable.example.com',
      'spec:',
      '  group: stable.example.com',
      '  names: { kind: CronTab, plural: crontabs }',
      '  scope: Namespaced',
      '  versions:',
      '    - name: v1',
      '      served: true',
      '      storage: true',
      '      schema:',
      '        openAPIV3Schema:',
      '          type: object',
      '          x-kubernetes-preserve-unknown-fields: true',
      '',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-cluster-crd-'));
    try {
      writeFileSync(join(dir, 'crd.yaml'), crd);
      const host = { ...diskHost(), clusterSchema: (v: string, k: string) => schemas.schema(v, k) };
      const a = await Analyzer.create(host, { assetsDir: ASSETS });
      const found = a
        .analyze(join(dir, 'crontab.yaml'), CRONTAB)
        .findings.filter((f) => f.ruleId.startsWith('k8s/schema') || f.ruleId === 'k8s/no-schema');
      assert.deepEqual(found, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ClusterSchemaCache (disk cache per context, TTL)', () => {
  test('a fresh cache file answers without kubectl; an expired one does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-cluster-cache-'));
    try {
      const now = 1_000_000_000;
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'prod%2Feu.json'),
        JSON.stringify({ context: 'prod/eu', fetchedAt: now - 1000, documents: DOCS }),
      );
      const failing = { kubectlPath: '/nonexistent/kubectl', cacheDir: dir };
      const fresh = new ClusterSchemaCache({ ...failing, now: () => now });
      assert.equal(fresh.current(), undefined);
      const loaded = await fresh.load('prod/eu');
      assert.equal(loaded?.size, 2);
      assert.equal(fresh.current('prod/eu'), loaded);
      assert.equal(fresh.current('other'), undefined);
      // Past the TTL the cluster must be asked, and kubectl fails here.
      const stale = new ClusterSchemaCache({ ...failing, now: () => now + DEFAULT_TTL_MS });
      assert.equal(await stale.load('prod/eu'), undefined);
      // A refresh skips the disk cache.
      assert.equal(await fresh.load('prod/eu', true), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
