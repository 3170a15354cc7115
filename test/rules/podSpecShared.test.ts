import assert from 'node:assert/strict';
import { test } from 'node:test';
import { k8sObjects } from '../../server/src/core/rules/k8s/objects';
import { allContainers, containersOf, podSpecOf, podSpecs } from '../../server/src/core/rules/k8s/podSpec';
import { parseYaml } from '../../server/src/core/yaml/yamlFile';

// Pod specs and containers are worked out once per object and shared by the rules that ask
// (rules/k8s/podSpec.ts): every rule must still get the containers it asked for, in order.

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      ephemeralContainers:
        - name: debug
      initContainers:
        - name: init
        - not a container
      containers:
        - name: app
        - image: sidecar:1
---
apiVersion: v1
kind: Service
metadata:
  name: s
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
`;

const describe = (cs: ReturnType<typeof allContainers>) =>
  cs.map((c) => `${c.type}:${c.name ?? '-'}@${c.path.join('.')}`);

test('containers by type, in list order (containers, init, ephemeral), whatever was asked before', () => {
  const objects = k8sObjects(parseYaml(TEXT), '/m.yaml');
  const asked = [
    allContainers(objects, ['container']),
    allContainers(objects),
    allContainers(objects, ['container', 'init']),
    allContainers(objects, ['ephemeral']),
    allContainers(objects, ['container']),
  ];
  assert.deepEqual(describe(asked[0]!), [
    'container:app@spec.template.spec.containers.0',
    'container:-@spec.template.spec.containers.1',
    'container:job@spec.jobTemplate.spec.template.spec.containers.0',
  ]);
  assert.deepEqual(describe(asked[1]!), [
    'container:app@spec.template.spec.containers.0',
    'container:-@spec.template.spec.containers.1',
    'init:init@spec.template.spec.initContainers.0',
    'ephemeral:debug@spec.template.spec.ephemeralContainers.0',
    'container:job@spec.jobTemplate.spec.template.spec.containers.0',
  ]);
  assert.deepEqual(describe(asked[2]!), [
    'container:app@spec.template.spec.containers.0',
    'container:-@spec.template.spec.containers.1',
    'init:init@spec.template.spec.initContainers.0',
    'container:job@spec.jobTemplate.spec.template.spec.containers.0',
  ]);
  assert.deepEqual(describe(asked[3]!), ['ephemeral:debug@spec.template.spec.ephemeralContainers.0']);
  // The same objects for the same object, and a new list each time (a caller may keep or extend it).
  assert.equal(asked[4]![0], asked[0]![0]);
  assert.notEqual(asked[4], asked[0]);
});

test('pod specs: one per pod-bearing object, the same on each call; none for a Service', () => {
  const objects = k8sObjects(parseYaml(TEXT), '/m.yaml');
  const pods = podSpecs(objects);
  assert.deepEqual(
    pods.map((p) => [p.obj.kind, p.path.join('.'), p.runsToCompletion]),
    [
      ['Deployment', 'spec.template.spec', false],
      ['CronJob', 'spec.jobTemplate.spec.template.spec', true],
    ],
  );
  assert.equal(podSpecOf(objects[0]!), pods[0]);
  assert.equal(podSpecOf(objects[1]!), undefined);
  assert.deepEqual(describe(containersOf(pods[0]!, ['init'])), [
    'init:init@spec.template.spec.initContainers.0',
  ]);
});

test('objects of another parse of the same text get their own pod specs (positions may differ)', () => {
  const a = k8sObjects(parseYaml(TEXT), '/m.yaml');
  const b = k8sObjects(parseYaml(`# moved down\n${TEXT}`), '/m.yaml');
  assert.notEqual(podSpecOf(a[0]!), podSpecOf(b[0]!));
  assert.equal(allContainers(b)[0]!.pod.obj, b[0]);
});
