import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import type { Finding } from '../../server/src/core/types';
import { ASSETS, diskHost } from '../helpers/analyzer';
import { prng, randomEdit } from './incrementalKit';

/**
 * The analyzer keeps per-document results (schema findings, rule findings) between calls on the
 * same path. After any sequence of edits its answer must be exactly the one a fresh analysis of
 * the final text gives: `forget` on the second analyzer drops every cache before each call.
 */
let incremental: Analyzer;
let scratch: Analyzer;
/** Holds almost no idle syntax trees: every check and rule runs on trees parsed again. */
let lean: Analyzer;

before(async () => {
  incremental = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
  scratch = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
  lean = await Analyzer.create(diskHost(), { assetsDir: ASSETS, heldTreeBytes: 1 });
});

function canonical(findings: Finding[]): string[] {
  return findings.map((f) => JSON.stringify(f)).sort();
}

/**
 * `dropTrees`: the `lean` analyzer, which drops idle syntax trees while it analyses (as with a
 * big file) and, before every other analysis, all of them: reused results, re-run rules and
 * ranges computed from trees parsed again on demand are all compared with a fresh analysis.
 */
function replay(
  path: string,
  start: string,
  pieces: string[],
  seed: number,
  steps: number,
  dropTrees = false,
): number {
  const rnd = prng(seed);
  const analyzer = dropTrees ? lean : incremental;
  let text = start;
  let nonEmpty = 0;
  analyzer.forget(path);
  for (let k = 0; k < steps; k++) {
    text = randomEdit(rnd, text, pieces);
    if (text.length > start.length * 2) text = start;
    if (dropTrees && k % 2 === 1) analyzer.dropSyntaxTrees();
    const got = analyzer.analyze(path, text);
    scratch.forget(path);
    const want = scratch.analyze(path, text);
    assert.equal(got.kind, want.kind, `edit ${k}`);
    assert.deepEqual(canonical(got.findings), canonical(want.findings), `edit ${k}: ${JSON.stringify(text)}`);
    if (want.findings.length > 0) nonEmpty++;
  }
  return nonEmpty;
}

const deployment = (i: number, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: {app: app-${i}}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
        - name: c
          image: nginx:1.27
          imagePullPolicyy: Always
          securityContext:
            privileged: true
`;

const MANIFEST = [
  deployment(1, 1),
  `apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  selector:
    app: app-1
  ports:
    - port: 80
`,
  deployment(2, 3),
  `# bulwark-ignore k8s/privileged -- test
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    bulwark.dev/ignore: "k8s/image-without-digest -- pinned elsewhere"
spec:
  containers:
    - name: c
      image: busybox
      securityContext:
        privileged: true
`,
  `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer}
`,
  `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: big
`,
  `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: c}
    data: {a: 1}
`,
].join('---\n');

const COMPOSE = `services:
  web:
    image: nginx:latest
    privileged: true
    ports:
      - "8080:80"
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2
    mem_limit: 1g
`;

describe('incremental analysis equals analysis from scratch', () => {
  test('Kubernetes manifest, 300 random edits (markers, new lines, typing, deletions)', () => {
    const pieces = ['a', '1', ' ', ':', '\n', '---\n', '\n---\n', '-', '#', 'x: 1\n', '  ', ''];
    const nonEmpty = replay('/bulwark-incremental-test/deploy.yaml', MANIFEST, pieces, 3, 300);
    assert.ok(nonEmpty > 250, `most versions have findings (${nonEmpty})`);
  });

  test('Kubernetes manifest, typing only (the editor case)', () => {
    const pieces = ['a', 'b', '1', '2'];
    replay('/bulwark-incremental-test/typing.yaml', MANIFEST, pieces, 5, 200);
  });

  test('Kubernetes manifest, 300 random edits, idle syntax trees dropped and parsed again', () => {
    const pieces = ['a', '1', ' ', ':', '\n', '---\n', '\n---\n', '-', '#', 'x: 1\n', '  ', ''];
    const before = lean.syntaxTreesReparsed;
    const nonEmpty = replay('/bulwark-incremental-test/dropped.yaml', MANIFEST, pieces, 13, 300, true);
    assert.ok(nonEmpty > 250, `most versions have findings (${nonEmpty})`);
    const reparsed = lean.syntaxTreesReparsed - before;
    assert.ok(reparsed > 10, `trees parsed again (${reparsed})`);
  });

  test('first analysis of a file too big to keep its trees: same findings, few trees parsed twice', () => {
    // Every document's tree is dropped as soon as the next one is parsed; the checks read each
    // document right after parsing it, so only findings reported later (schema findings, after
    // the rules) need a tree parsed again.
    const path = '/bulwark-incremental-test/big.yaml';
    const text = Array.from({ length: 20 }, () => MANIFEST).join('---\n');
    lean.forget(path);
    scratch.forget(path);
    const before = lean.syntaxTreesReparsed;
    const got = lean.analyze(path, text);
    const want = scratch.analyze(path, text);
    assert.deepEqual(got, want);
    const docs = text.split(/^---$/m).length;
    const reparsed = lean.syntaxTreesReparsed - before;
    assert.ok(reparsed > 0 && reparsed <= 3 * 20, `${reparsed} of ${docs} documents parsed twice`);
  });

  test('a suppression comment and a CRD kind typed character by character', async () => {
    // The cache tells the checks whether the text holds `bulwark-ignore` or a CRD from what it
    // counted per document: the keystroke that completes (or breaks) the word must be seen.
    const path = '/bulwark-incremental-test/typed-words.yaml';
    const comment = ' # bulwark-ignore k8s/privileged -- typed';
    const crd = 'kind: CustomResourceDefinition';
    const at = MANIFEST.indexOf('privileged: true') + 'privileged: true'.length;
    let text = MANIFEST.slice(0, at) + MANIFEST.slice(at).replace(crd, 'kind: Custom');
    const typeAt = (text: string, offset: number, ch: string) =>
      text.slice(0, offset) + ch + text.slice(offset);
    const steps: string[] = [];
    for (let i = 0; i < comment.length; i++) steps.push((text = typeAt(text, at + i, comment[i] as string)));
    const crdAt = text.indexOf('kind: Custom') + 'kind: Custom'.length;
    for (let i = 'kind: Custom'.length; i < crd.length; i++)
      steps.push((text = typeAt(text, crdAt + i - 'kind: Custom'.length, crd[i] as string)));
    // And broken again, by one character each.
    steps.push((text = text.replace('bulwark-ignore', 'bulwark-ignor')));
    steps.push((text = text.replace(crd, 'kind: CustomResourceDefinitio')));
    // Analyzers of their own: the others know the CRDs of the files other tests analysed.
    const inc = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
    const fresh = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
    const line = MANIFEST.slice(0, at).split('\n').length - 1;
    const privileged = (fs: Finding[]) =>
      fs.filter((f) => f.ruleId === 'k8s/privileged' && f.range.start.line === line).length;
    const widget = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'k8s/schema-type').length;
    const counts: [number, number][] = [];
    for (const [k, t] of steps.entries()) {
      const got = inc.analyze(path, t);
      fresh.forget(path);
      const want = fresh.analyze(path, t);
      assert.deepEqual(canonical(got.findings), canonical(want.findings), `step ${k}: ${JSON.stringify(t)}`);
      counts.push([privileged(got.findings), widget(got.findings)]);
    }
    // Silenced once the comment is complete (and again reported once broken); the Widget is
    // checked against its CRD once the CRD's kind is complete (and no longer once broken).
    const typed = comment.length - 1;
    const done = steps.length - 3;
    const [p0, w0] = counts[0] as [number, number];
    assert.equal(p0, 1);
    const named = ' # bulwark-ignore k8s/privileged'.length - 1;
    assert.deepEqual(counts[named - 1], [1, w0]);
    assert.deepEqual(counts[named], [0, w0]);
    assert.deepEqual(counts[typed], [0, w0]);
    assert.deepEqual(counts[done - 1], [0, w0]);
    assert.deepEqual(counts[done], [0, w0 + 1]);
    assert.deepEqual(counts[done + 1], [1, w0 + 1]);
    assert.deepEqual(counts[done + 2], [1, w0]);
  });

  test('a custom resource before its CRD: re-checked when a later edit changes the CRD', async () => {
    // Results of the documents before an edit are carried over whole, except those that
    // depend on something else (here the CRD further down): those are looked up again.
    const path = '/bulwark-incremental-test/cr-first.yaml';
    const crd = MANIFEST.split('---\n').find((d) => d.includes('kind: CustomResourceDefinition')) as string;
    const widget = MANIFEST.split('---\n').find((d) => d.includes('\nkind: Widget')) as string;
    const base = ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', widget, crd].join('---\n');
    const types = ['integer', 'string', 'string', 'integer', 'boolean', 'integer'];
    const inc = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
    const fresh = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
    const typeErrors: number[] = [];
    for (const [k, type] of types.entries()) {
      const text = base.replace('size: {type: integer}', `size: {type: ${type}}`);
      const got = inc.analyze(path, text);
      fresh.forget(path);
      assert.deepEqual(canonical(got.findings), canonical(fresh.analyze(path, text).findings), `step ${k}`);
      typeErrors.push(got.findings.filter((f) => f.ruleId === 'k8s/schema-type').length);
    }
    assert.deepEqual(typeErrors, [1, 0, 0, 1, 1, 1]);
  });

  test('Compose file, random edits, syntax trees dropped and parsed again', () => {
    const pieces = ['a', ' ', ':', '\n', '---\n', '-', '  x: 1\n', ''];
    replay('/bulwark-incremental-test/compose-dropped.yaml', COMPOSE, pieces, 19, 150, true);
  });

  test('Compose file, 200 random edits', () => {
    const pieces = ['a', ' ', ':', '\n', '---\n', '-', '  x: 1\n', ''];
    replay('/bulwark-incremental-test/compose.yaml', COMPOSE, pieces, 9, 200);
  });

  test('objects related across documents and files: budgets, selectors, autoscalers, accounts', async () => {
    await relating({});
  });

  test('objects related across documents and files, idle syntax trees dropped', async () => {
    const inc = await relating({ heldTreeBytes: 1 }, true);
    assert.ok(inc.syntaxTreesReparsed > 50, `trees parsed again (${inc.syntaxTreesReparsed})`);
  });
});

/** Seeded edits of related objects in a file and its neighbour; returns the incremental analyzer. */
async function relating(options: { heldTreeBytes?: number }, dropTrees = false): Promise<Analyzer> {
  {
    // Whole documents come and go (in this file and in a neighbour) and labels change, so
    // findings of the relating rules flip in documents the edit did not touch.
    const dir = '/bulwark-incremental-relating';
    const path = `${dir}/main.yaml`;
    const neighbour = `${dir}/other.yaml`;
    const files: Record<string, string> = {};
    const host = diskHost(files);
    const inc = await Analyzer.create(host, { assetsDir: ASSETS, ...options });
    const fresh = await Analyzer.create(host, { assetsDir: ASSETS });
    const rnd = prng(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    let docs = [RELATED[0], RELATED[1], RELATED[2]] as string[];
    files[neighbour] = RELATED[3] as string;
    const seen = new Set<string>();
    for (let k = 0; k < 250; k++) {
      // Every third version starts without syntax trees: reused findings of the relating rules,
      // and those re-run because a key they looked up changed, must not depend on them.
      if (dropTrees && k % 3 === 2) inc.dropSyntaxTrees();
      const r = rnd();
      if (r < 0.25) docs.splice(Math.floor(rnd() * (docs.length + 1)), 0, pick(RELATED));
      else if (r < 0.45 && docs.length > 1) docs.splice(Math.floor(rnd() * docs.length), 1);
      else if (r < 0.6) files[neighbour] = [pick(RELATED), pick(RELATED)].join('---\n');
      else {
        const i = Math.floor(rnd() * docs.length);
        docs[i] = randomEdit(rnd, docs[i] as string, ['a', 'b', '1', '3', '']).replace(/^-+/, '');
      }
      if (docs.length > 12) docs = docs.slice(0, 6);
      const text = docs.join('---\n');
      files[path] = text;
      const got = inc.analyze(path, text);
      fresh.forget(path);
      fresh.forget(neighbour);
      const want = fresh.analyze(path, text);
      assert.deepEqual(
        canonical(got.findings),
        canonical(want.findings),
        `edit ${k}: ${JSON.stringify(text)}`,
      );
      const relating = want.findings.filter((f) => RELATING.has(f.ruleId));
      seen.add(relating.map((f) => `${f.range.start.line}:${f.message}`).join('|'));
    }
    assert.ok(seen.size > 20, `relating findings changed often (${seen.size} distinct sets)`);
    return inc;
  }
}

const RELATING = new Set([
  'k8s/missing-pod-disruption-budget',
  'k8s/service-selector-mismatch',
  'k8s/single-replica',
  'k8s/automount-service-account-token',
]);

const workload = (name: string, app: string, replicas: number, sa?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}, tier: web}
    spec:
${sa ? `      serviceAccountName: ${sa}\n` : ''}      containers:
        - name: c
          image: nginx:1.27
`;

const RELATED = [
  workload('a', 'app-a', 3),
  workload('b', 'app-b', 1, 'quiet'),
  `apiVersion: v1
kind: Service
metadata:
  name: svc-a
spec:
  selector:
    app: app-a
`,
  `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: pdb-a
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: app-a}
`,
  `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: pdb-any
spec:
  maxUnavailable: 1
  selector:
    matchExpressions: [{key: tier, operator: In, values: [web]}]
`,
  `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: hpa-b
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: b}
  minReplicas: 2
  maxReplicas: 4
`,
  `apiVersion: v1
kind: ServiceAccount
metadata:
  name: quiet
automountServiceAccountToken: false
`,
  `apiVersion: v1
kind: Service
metadata:
  name: svc-b
spec:
  selector:
    app: app-b
    tier: web
`,
  workload('c', 'app-{{ .Values.app }}', 2),
];
