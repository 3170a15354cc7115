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
});
