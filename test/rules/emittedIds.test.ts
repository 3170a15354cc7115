/**
 * Every id a finding can carry has metadata (and so a docs page the diagnostic links to):
 * broken inputs exercising each schema, syntax and core-language check, plus the examples.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findRuleMeta } from '../../server/src/core/rules/registry';
import { ROOT, sharedAnalyzer } from '../helpers/analyzer';

const BROKEN: Record<string, string> = {
  'syntax.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n',
  'dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
  'schema.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: a}',
    'spec:',
    '  replicas: "3"',
    '  selector: {matchLabels: {app: a}}',
    '  template:',
    '    metadata: {labels: {app: a}}',
    '    spec:',
    '      containers:',
    '        - imagee: nginx',
    '---',
    'apiVersion: apps/v1',
    'kind: Deploymnet',
    'metadata: {name: b}',
    '---',
    'apiVersion: apps/v1beta1',
    'kind: Deployment',
    'metadata: {name: c}',
    '---',
    'apiVersion: cert-manager.io/v1',
    'kind: Certificate',
    'metadata: {name: d}',
    '',
  ].join('\n'),
  'compose.yaml': 'services:\n  web:\n    imagee: nginx\n    ports: 80\n  db:\n    image: [1]\n',
  'main.tf': [
    'resource "a_b" {}',
    'resourc "x" "y" {}',
    'module "m" {}',
    'variable "v" {',
    '  typo = 1',
    '}',
    'variable "v" {}',
    'output "o" { value = var.nope }',
    'resource "t_x" "y" {',
    '  count    = 1',
    '  for_each = {}',
    '}',
    'locals {',
    '  a = "unclosed',
    '}',
    '',
  ].join('\n'),
  'bad.tf': 'resource "x_y" "z" {\n  a = 1\n',
};

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

test('every emitted finding id has rule metadata and a docs page', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-ids-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(BROKEN)) writeFileSync(join(dir, name), text);
  const analyzer = await sharedAnalyzer();
  const files = [...Object.keys(BROKEN).map((n) => join(dir, n)), ...walk(join(ROOT, 'examples'))];
  const ids = new Set<string>();
  for (const f of files) {
    for (const finding of analyzer.analyze(f, readFileSync(f, 'utf8')).findings) ids.add(finding.ruleId);
  }
  // The broken inputs must really reach the checks, or this test proves nothing.
  for (const id of [
    'k8s/syntax',
    'k8s/schema-type',
    'k8s/unknown-kind',
    'compose/schema-unknown-field',
    'tf/syntax',
  ]) {
    assert.ok(ids.has(id), `expected the corpus to produce ${id}; got ${[...ids].sort().join(', ')}`);
  }
  const missing = [...ids].filter((id) => !findRuleMeta(id)).sort();
  assert.deepEqual(missing, [], 'ids without metadata');
  const undocumented = [...ids]
    .filter((id) => !statSync(join(ROOT, 'docs', 'rules', `${id}.md`), { throwIfNoEntry: false }))
    .sort();
  assert.deepEqual(undocumented, [], 'ids without docs/rules/<id>.md (run npm run docs:rules)');
});
