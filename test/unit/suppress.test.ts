import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressionComments } from '../../server/src/core/suppress/suppress';
import { sharedAnalyzer } from '../helpers/analyzer';

const root = mkdtempSync(join(tmpdir(), 'bulwark-suppress-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const POD = (extra: string, privileged = '        privileged: true') => `apiVersion: v1
kind: Pod
metadata:
  name: p
${extra}spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
${privileged}
`;

/** Findings as `line:col id` (1-based), only the ones this test is about. */
async function check(text: string, ids = /privileged|suppression/): Promise<string[]> {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  const path = join(dir, 'pod.yaml');
  writeFileSync(path, text);
  const analyzer = await sharedAnalyzer();
  return analyzer
    .analyze(path, text)
    .findings.filter((f) => ids.test(f.ruleId))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);
}

describe('suppression comments (YAML)', () => {
  test('without suppression the finding is there', async () => {
    assert.deepEqual(await check(POD('')), ['10:9 k8s/privileged']);
  });

  test('on the line above, with a reason', async () => {
    const text = POD(
      '',
      '        # bulwark-ignore k8s/privileged -- node agent needs it\n        privileged: true',
    );
    assert.deepEqual(await check(text), []);
  });

  test('at the end of the line, several ids, stacked comments skipped', async () => {
    const text = POD(
      '',
      '        privileged: true # bulwark-ignore k8s/host-pid,k8s/privileged -- debugging tool',
    );
    assert.deepEqual(await check(text), ['10:26 k8s/unused-suppression']);
    const stacked = POD(
      '',
      '        # bulwark-ignore k8s/privileged -- agent\n        # another comment\n        privileged: true',
    );
    assert.deepEqual(await check(stacked), []);
  });

  test('without a reason: suppressed, but a hint says so', async () => {
    const text = POD('', '        # bulwark-ignore k8s/privileged\n        privileged: true');
    assert.deepEqual(await check(text), ['10:9 k8s/suppression-without-reason']);
  });

  test('that suppresses nothing: a hint', async () => {
    const text = POD('# bulwark-ignore k8s/privileged -- stale\n');
    assert.deepEqual(await check(text), ['5:1 k8s/unused-suppression', '11:9 k8s/privileged']);
  });

  test('file-wide', async () => {
    const text = `# bulwark-ignore-file k8s/privileged -- lab cluster\n${POD('')}`;
    assert.deepEqual(await check(text), []);
  });

  test('a multi-line finding is suppressed by a comment above its first line', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
# bulwark-ignore k8s/automount-service-account-token -- uses the API
spec:
  containers:
    - name: app
      image: nginx:1.27
`;
    assert.deepEqual(await check(text, /automount|suppression/), []);
  });

  test('the bulwark.dev/ignore annotation covers the object only', async () => {
    const annotated = POD('  annotations:\n    bulwark.dev/ignore: "k8s/privileged -- CNI plugin"\n');
    const other = POD('');
    assert.deepEqual(await check(`${annotated}---\n${other}`), ['23:9 k8s/privileged']);
    const noReason = POD('  annotations:\n    bulwark.dev/ignore: k8s/privileged\n');
    assert.deepEqual(await check(noReason), ['6:5 k8s/suppression-without-reason']);
  });
});

describe('suppression comment parsing', () => {
  test('HCL: #, // and /* */ comments', () => {
    const text = [
      'resource "a" "b" { # bulwark-ignore tf/x -- why',
      '  // bulwark-ignore tf/y,tf/z -- because',
      '',
      '  /* bulwark-ignore tf/w */',
      '  acl = "public-read"',
      '}',
    ].join('\n');
    const s = parseSuppressionComments(text, 'hcl');
    assert.deepEqual(
      s.map((x) => [x.ids, x.reason, x.line]),
      [
        [['tf/x'], 'why', 0],
        [['tf/y', 'tf/z'], 'because', 4],
        [['tf/w'], undefined, 4],
      ],
    );
  });

  test('YAML: a # inside a value is not a comment', () => {
    assert.deepEqual(parseSuppressionComments('url: http://x/#bulwark-ignore k8s/a\n', 'yaml'), []);
  });
});
