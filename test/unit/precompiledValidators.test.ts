import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { loadComposeValidator } from '../../server/src/core/compose/schema';
import { KubernetesSchemas } from '../../server/src/core/kubernetes/schemas';
import { COMMON_KINDS } from '../../server/src/core/schema/precompile';
import { SchemaStore } from '../../server/src/core/schema/store';
import { ASSETS, ROOT } from '../helpers/analyzer';

const SCHEMAS = join(ASSETS, 'schemas');

/** Every YAML document of the examples and test fixtures, as plain values. */
function documents(): unknown[] {
  const out: unknown[] = [];
  for (const dir of ['examples', 'test/fixtures']) {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (!e.isFile() || !/\.ya?ml$/.test(e.name)) continue;
      const text = readFileSync(join(e.parentPath, e.name), 'utf8');
      for (const d of parseAllDocuments(text, { uniqueKeys: false })) {
        if ('errors' in d && d.errors.length === 0) out.push(d.toJS({ maxAliasCount: -1 }));
      }
    }
  }
  return out;
}

/** Seeded damage, so most documents also produce errors of every kind ajv reports. */
function mutations(doc: unknown, seed: number): unknown[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const out: unknown[] = [];
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (!v || typeof v !== 'object' || paths.length > 400) return;
    for (const [k, c] of Object.entries(v)) {
      paths.push([...path, k]);
      walk(c, [...path, k]);
    }
  };
  walk(doc, []);
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31);
  const damages = [
    () => 42,
    () => 'not-a-number',
    () => null,
    () => [{ surprise: true }],
    () => ({ unknownFieldX: 1 }),
    () => undefined,
  ];
  for (let i = 0; i < 6 && paths.length; i++) {
    const copy = structuredClone(doc) as Record<string, unknown>;
    const path = paths[next() % paths.length]!;
    let parent: Record<string, unknown> = copy;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    const value = damages[next() % damages.length]!();
    if (value === undefined) delete parent[path.at(-1)!];
    else parent[path.at(-1)!] = value;
    out.push(copy);
  }
  return out;
}

function runtimeStore(): SchemaStore {
  // Same schemas, no precompiled validators: everything compiled by ajv at run time.
  return new SchemaStore(SchemaStore.fromDir(SCHEMAS).load);
}

describe('precompiled validators (ajv standalone, written by the build)', () => {
  const docs = documents();
  const all = docs.flatMap((d, i) => [d, ...mutations(d, i + 1)]);

  test('Kubernetes: the common kinds come precompiled and report exactly the errors of run-time compilation', () => {
    const pre = SchemaStore.fromDir(SCHEMAS);
    const module = pre.precompiled('kubernetes');
    assert.ok(module, 'npm run build writes dist/schemas/precompiled/kubernetes.js');
    const fast = KubernetesSchemas.load(pre.load, pre)!;
    const slow = KubernetesSchemas.load(runtimeStore().load)!;
    let compared = 0;
    let withErrors = 0;
    for (const [apiVersion, kind] of COMMON_KINDS) {
      const ref = fast.ref(apiVersion, kind)!;
      assert.ok(module[ref], `${apiVersion} ${kind} precompiled`);
      assert.equal(fast.validator(ref), module[ref], 'the precompiled function is the one used');
      assert.notEqual(slow.validator(ref), module[ref]);
    }
    for (const d of all) {
      const o = d as { apiVersion?: unknown; kind?: unknown } | null;
      if (!o || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') continue;
      const ref = fast.ref(o.apiVersion, o.kind);
      if (!ref || !module[ref]) continue;
      const a = fast.validator(ref)!;
      const b = slow.validator(ref)!;
      assert.equal(a(d), b(d));
      assert.deepEqual(a.errors, b.errors, `${o.apiVersion} ${o.kind}`);
      compared++;
      if (b.errors?.length) withErrors++;
    }
    assert.ok(compared >= 100 && withErrors >= 50, `compared ${compared}, ${withErrors} with errors`);
  });

  test('Compose: precompiled, with exactly the errors of run-time compilation', () => {
    const pre = SchemaStore.fromDir(SCHEMAS);
    const fast = loadComposeValidator(pre.load, pre)!;
    const slow = loadComposeValidator(runtimeStore().load)!;
    assert.equal(fast, pre.precompiled('compose')?.['compose'], 'the precompiled function is the one used');
    assert.notEqual(fast, slow);
    let compared = 0;
    let withErrors = 0;
    for (const d of all) {
      if (!d || typeof d !== 'object' || !('services' in d)) continue;
      assert.equal(fast(d), slow(d));
      assert.deepEqual(fast.errors, slow.errors);
      compared++;
      if (slow.errors?.length) withErrors++;
    }
    assert.ok(compared >= 20 && withErrors >= 10, `compared ${compared}, ${withErrors} with errors`);
  });
});
