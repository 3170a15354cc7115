import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isScalar, parseDocument, visit } from 'yaml';
import { parseYaml } from '../../server/src/core/yaml/yamlFile';

/** What the `yaml` package itself reports with `uniqueKeys: true` (quadratic, so not used). */
function reference(text: string): [string, number][] {
  const d = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: false, strict: false });
  return d.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => [e.code, e.pos[0]]);
}

function ours(text: string): [string, number][] {
  const d = parseYaml(text).docs[0]!;
  return d.doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e): [string, number] => [e.code, d.offset + e.pos[0]])
    .sort((a, b) => a[1] - b[1]);
}

const CASES: Record<string, string> = {
  'block map': 'a: 1\nb: 2\na: 3\n',
  'nested and repeated thrice': 'x:\n  k: 1\n  k: 2\n  k: 3\ny: {k: 1, k: 2}\n',
  'flow map in a sequence': 'items:\n  - {name: a, name: b}\n  - name: c\n    name: d\n',
  'number and string keys differ': '1: a\n"1": b\ntrue: c\n"true": d\n',
  'quoted and plain are the same string': 'key: 1\n"key": 2\n',
  'merge keys may repeat': 'a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: *a\n  <<: *b\n  z: 1\n',
  'no duplicates': 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "1"\n  b: "2"\n',
};

for (const [name, text] of Object.entries(CASES)) {
  test(`duplicate keys like the yaml package: ${name}`, () => {
    assert.deepEqual(ours(text), reference(text));
  });
}

test('duplicate keys: the cases above really contain some', () => {
  assert.ok(Object.values(CASES).filter((t) => reference(t).length > 0).length >= 4);
});

/** The earlier implementation (yaml's `visit`, one set per map): same errors in the same order. */
function visitReference(text: string): [string, number][] {
  const d = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false, strict: false });
  const out: [string, number][] = [];
  visit(d, {
    Map(_, map) {
      if (map.items.length < 2) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || typeof key.value === 'symbol') continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (!seen.has(id)) seen.add(id);
        else out.push(['DUPLICATE_KEY', key.range?.[0] ?? 0]);
      }
    },
  });
  return out;
}

function unsorted(text: string): [string, number][] {
  const d = parseYaml(text).docs[0]!;
  return d.doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e): [string, number] => [e.code, d.offset + e.pos[0]]);
}

const KEYS = [
  'a',
  'b',
  '"a"',
  "'b'",
  '1',
  '"1"',
  '01',
  '1.0',
  'true',
  '"true"',
  'null',
  '~',
  '""',
  'NaN',
  '.nan',
  '<<',
];

/** Seeded maps of every size around the small-map threshold, keys of mixed types, nested in keys and flow collections. */
function randomDoc(seed: number): string {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const lines: string[] = [];
  const n = 1 + Math.floor(rnd() * 40);
  for (let i = 0; i < n; i++) {
    const key = rnd() < 0.5 ? `k${Math.floor(rnd() * n)}` : pick(KEYS);
    const r = rnd();
    if (r < 0.1) lines.push(`${key}: {${pick(KEYS)}: 1, ${pick(KEYS)}: 2, x: 3}`);
    else if (r < 0.2) lines.push(`${key}: [${pick(KEYS)}: 1, {a: 1, a: 2}]`);
    else if (r < 0.3) lines.push(`? {${pick(KEYS)}: 1, ${pick(KEYS)}: 2}`, `: ${key}`);
    else if (r < 0.4) lines.push(`${key}:`, `  ${pick(KEYS)}: 1`, `  ${pick(KEYS)}: 2`, `  - 3`);
    else lines.push(`${key === '<<' ? 'm' : key}: ${pick(KEYS)}`);
  }
  return lines.join('\n') + '\n';
}

test('duplicate keys: same errors in the same order as the visit-based pass (300 seeded documents)', () => {
  let withDuplicates = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const text = randomDoc(seed);
    const expected = visitReference(text);
    if (expected.length > 0) withDuplicates++;
    assert.deepEqual(unsorted(text), expected, text);
  }
  assert.ok(withDuplicates > 100, `only ${withDuplicates} documents with duplicates`);
});

test('duplicate keys: a map larger than the small-map threshold', () => {
  const keys = Array.from({ length: 40 }, (_, i) => `k${i % 25}: ${i}`);
  const text = keys.join('\n') + '\n1: a\n"1": b\n1: c\n';
  assert.equal(unsorted(text).length, 16);
  assert.deepEqual(unsorted(text), visitReference(text));
});
