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

before(async () => {
  incremental = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
  scratch = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
});

function canonical(findings: Finding[]): string[] {
  return findings.map((f) => JSON.stringify(f)).sort();
}

function replay(path: string, start: string, pieces: string[], seed: number, steps: number): number {
  const rnd = prng(seed);
  let text = start;
  let nonEmpty = 0;
  incremental.forget(path);
  for (let k = 0; k < steps; k++) {
    text = randomEdit(rnd, text, pieces);
    if (text.length > start.length * 2) text = start;
    const got = incremental.analyze(path, text);
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

  test('Compose file, 200 random edits', () => {
    const pieces = ['a', ' ', ':', '\n', '---\n', '-', '  x: 1\n', ''];
    replay('/bulwark-incremental-test/compose.yaml', COMPOSE, pieces, 9, 200);
  });

  test('objects related across documents and files: budgets, selectors, autoscalers, accounts', async () => {
    // Whole documents come and go (in this file and in a neighbour) and labels change, so
    // findings of the relating rules flip in documents the edit did not touch.
    const dir = '/bulwark-incremental-relating';
    const path = `${dir}/main.yaml`;
    const neighbour = `${dir}/other.yaml`;
    const files: Record<string, string> = {};
    const host = diskHost(files);
    const inc = await Analyzer.create(host, { assetsDir: ASSETS });
    const fresh = await Analyzer.create(host, { assetsDir: ASSETS });
    const rnd = prng(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    let docs = [RELATED[0], RELATED[1], RELATED[2]] as string[];
    files[neighbour] = RELATED[3] as string;
    const seen = new Set<string>();
    for (let k = 0; k < 250; k++) {
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
  });
});

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
