import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
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
