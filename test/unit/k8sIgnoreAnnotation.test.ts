import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAnalyzer } from '../helpers/analyzer';

// The engine skips looking for `bulwark.dev/ignore` in documents whose text cannot hold it
// (engine/k8s.ts, mayHoldIgnoreAnnotation): these spellings must still count.

const root = mkdtempSync(join(tmpdir(), 'bulwark-ignore-annotation-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const POD = (metadata: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
${metadata}spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

async function privileged(text: string): Promise<string[]> {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  const path = join(dir, 'pod.yaml');
  writeFileSync(path, text);
  const analyzer = await sharedAnalyzer();
  const lines = () =>
    analyzer
      .analyze(path, text)
      .findings.filter((f) => f.ruleId === 'k8s/privileged')
      .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
  const first = lines();
  // Again, from the per-document memo: same answer.
  assert.deepEqual(lines(), first);
  return first;
}

const SUPPRESSED = '"k8s/privileged -- CNI plugin"';

test('the annotation spelt out suppresses; a document without it is still reported', async () => {
  const text = `${POD(`  annotations:\n    bulwark.dev/ignore: ${SUPPRESSED}\n`)}---\n${POD('')}`;
  assert.deepEqual(await privileged(text), ['23:9']);
});

test('an annotation key written with escapes in double quotes suppresses', async () => {
  for (const key of ['"bulwark.dev\\x2Fignore"', '"bulwark\\u002Edev/ignore"']) {
    const text = POD(`  annotations:\n    ${key}: ${SUPPRESSED}\n`);
    assert.deepEqual(await privileged(text), [], key);
  }
});

test('an annotation reached through an anchor in the same document suppresses', async () => {
  const text = `x: &ann\n  bulwark.dev/ignore: ${SUPPRESSED}\n${POD('  annotations: *ann\n')}`;
  assert.deepEqual(await privileged(text), []);
});

test('a control: an escaped key that is not the annotation does not suppress', async () => {
  const text = POD(`  annotations:\n    "bulwark.dev\\x2Fother": ${SUPPRESSED}\n`);
  assert.deepEqual(await privileged(text), ['12:9']);
});
