import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkKubernetes } from '../../server/src/core/kubernetes/check';
import { parseYaml } from '../../server/src/core/yaml/yamlFile';
import { k8sRows, schemaStore, type Row } from './schemaTestKit';

interface Case {
  name: string;
  text: string;
  /** Every finding expected, in file order: [ruleId, 1-based 'line:col-endLine:endCol', message]. */
  expect: Row[];
}

const deployment = (spec: string): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}`;

const cases: Case[] = [
  {
    name: 'unknown field deep in a container spec, with did you mean',
    text: deployment(`  selector:
    matchLabels: {app: web}
  template:
    spec:
      containers:
        - name: web
          image: nginx
          resources:
            limts:
              cpu: 500m
`),
    expect: [['k8s/schema-unknown-field', '14:13-14:18', "Unknown field 'limts'; did you mean 'limits'?"]],
  },
  {
    name: 'unknown field with no close match gets no suggestion',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nflavour: vanilla\n',
    expect: [['k8s/schema-unknown-field', '5:1-5:8', "Unknown field 'flavour'"]],
  },
  {
    name: 'case-insensitive match is preferred',
    text: 'apiVersion: v1\nkind: ConfigMap\nMetaData:\n  name: a\n',
    expect: [['k8s/schema-unknown-field', '3:1-3:9', "Unknown field 'MetaData'; did you mean 'metadata'?"]],
  },
  {
    name: 'multi-document: an error in document 2 lands on its absolute line',
    text: `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
# second
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
  lables: {x: y}
`,
    expect: [['k8s/schema-unknown-field', '10:3-10:9', "Unknown field 'lables'; did you mean 'labels'?"]],
  },
  {
    name: 'quoted number is a string: type error at the value, quotes included',
    text: deployment(`  replicas: "3"
  selector: {}
  template: {}
`),
    expect: [['k8s/schema-type', '6:13-6:16', 'Expected number but found string']],
  },
  {
    name: 'unquoted number where a string is expected',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    retries: 3\n',
    expect: [['k8s/schema-type', '6:14-6:15', 'Expected string but found integer']],
  },
  {
    name: 'a block collection of the wrong type is reported at its key',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    - app\n',
    expect: [['k8s/schema-type', '5:3-5:9', 'Expected object but found array']],
  },
  {
    name: 'missing required field: at the key of the object that lacks it',
    text: deployment(`  template: {}
`),
    expect: [['k8s/schema-required', '5:1-5:5', "Missing required field 'selector'"]],
  },
  {
    name: 'missing required field in a sequence item: at the item first key',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - image: nginx\n',
    expect: [['k8s/schema-required', '6:7-6:12', "Missing required field 'name'"]],
  },
  {
    name: 'a missing field and an unknown field on the same item: both reported',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - imagee: nginx\n',
    expect: [
      ['k8s/schema-required', '6:7-6:13', "Missing required field 'name'"],
      ['k8s/schema-unknown-field', '6:7-6:13', "Unknown field 'imagee'; did you mean 'image'?"],
    ],
  },
  {
    name: 'several missing fields of one object: one finding naming them all',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      volumeMounts:\n        - readOnly: true\n',
    expect: [['k8s/schema-required', '8:11-8:19', "Missing required fields 'mountPath' and 'name'"]],
  },
  {
    name: 'missing kind: at the document first key',
    text: '# a comment\napiVersion: v1\nmetadata: {name: a}\n',
    expect: [['k8s/schema-required', '2:1-2:11', "Missing required field 'kind'"]],
  },
  {
    name: 'missing apiVersion in document 2',
    text: 'apiVersion: v1\nkind: Namespace\n---\nkind: Namespace\nmetadata: {name: a}\n',
    expect: [['k8s/schema-required', '4:1-4:5', "Missing required field 'apiVersion'"]],
  },
  {
    name: 'apiVersion that is not a string',
    text: 'apiVersion: 1\nkind: Pod\n',
    expect: [['k8s/schema-type', '1:13-1:14', 'Expected string but found integer']],
  },
  {
    name: 'int-or-string and quantity fields accept both forms',
    text: `apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  ports:
    - port: 80
      targetPort: http
    - port: 81
      targetPort: 8080
    - port: 82
      targetPort: "8080"
---
apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
    - name: a
      image: b
      resources:
        limits: {cpu: 500m, memory: 1Gi}
        requests: {cpu: 1, memory: 1.5}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: a}
spec:
  maxUnavailable: 1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: b}
spec:
  maxUnavailable: 10%
`,
    expect: [],
  },
  {
    name: 'int-or-string rejects other types',
    text: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports:\n    - port: 80\n      targetPort: true\n',
    expect: [['k8s/schema-type', '7:19-7:23', 'Expected string or number but found boolean']],
  },
  {
    name: 'misspelt kind: at the kind value, with did you mean and a fix',
    text: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: a}\n',
    expect: [
      [
        'k8s/unknown-kind',
        '2:7-2:17',
        "Unknown kind 'Deploymnet' for apiVersion 'apps/v1'; did you mean 'Deployment'?",
      ],
    ],
  },
  {
    name: 'misspelt kind found in another apiVersion names it',
    text: 'apiVersion: v1\nkind: "Deploymnet"\n',
    expect: [
      [
        'k8s/unknown-kind',
        '2:7-2:19',
        "Unknown kind 'Deploymnet' for apiVersion 'v1'; did you mean 'Deployment' (apps/v1)?",
      ],
    ],
  },
  {
    name: 'removed apiVersion of a kind: at the apiVersion value, suggesting the served one',
    text: 'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: a}\n',
    expect: [
      [
        'k8s/unknown-api-version',
        '1:13-1:25',
        "Kubernetes 1.30 does not serve Deployment in apiVersion 'apps/v1beta1'; did you mean 'apps/v1'?",
      ],
    ],
  },
  {
    name: 'a kind under the wrong built-in apiVersion',
    text: 'apiVersion: v1\nkind: CronJob\n',
    expect: [
      [
        'k8s/unknown-api-version',
        '1:13-1:15',
        "Kubernetes 1.30 does not serve CronJob in apiVersion 'v1'; did you mean 'batch/v1'?",
      ],
    ],
  },
  {
    name: 'a typo in the group of a built-in kind is not taken for a custom resource',
    text: 'apiVersion: app/v1\nkind: StatefulSet\n',
    expect: [
      [
        'k8s/unknown-api-version',
        '1:13-1:19',
        "Kubernetes 1.30 does not serve StatefulSet in apiVersion 'app/v1'; did you mean 'apps/v1'?",
      ],
    ],
  },
  {
    name: 'a removed built-in group (extensions) is an error, not a custom resource',
    text: 'apiVersion: extensions/v1beta1\nkind: Ingress\n',
    expect: [
      [
        'k8s/unknown-api-version',
        '1:13-1:31',
        "Kubernetes 1.30 does not serve Ingress in apiVersion 'extensions/v1beta1'; did you mean 'networking.k8s.io/v1'?",
      ],
    ],
  },
  {
    name: 'custom resource: an information note at the kind, fields not checked',
    text: `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: a}
spec:
  anything: goes
`,
    expect: [
      [
        'k8s/no-schema',
        '2:7-2:18',
        'No schema for Certificate (cert-manager.io/v1): not a built-in Kubernetes 1.30 API, so its fields are not checked',
      ],
    ],
  },
  {
    name: 'kind: List items are checked as objects of their own',
    text: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
    dat: {}
  - kind: Secret
    metadata: {name: b}
  - apiVersion: apps/v1
    kind: Deploymnet
`,
    expect: [
      ['k8s/schema-unknown-field', '7:5-7:8', "Unknown field 'dat'; did you mean 'data'?"],
      ['k8s/schema-required', '8:5-8:9', "Missing required field 'apiVersion'"],
      [
        'k8s/unknown-kind',
        '11:11-11:21',
        "Unknown kind 'Deploymnet' for apiVersion 'apps/v1'; did you mean 'Deployment'?",
      ],
    ],
  },
  {
    name: 'a List itself is strict too',
    text: 'apiVersion: v1\nkind: List\nitem: []\n',
    expect: [
      ['k8s/schema-required', '1:1-1:11', "Missing required field 'items'"],
      ['k8s/schema-unknown-field', '3:1-3:5', "Unknown field 'item'; did you mean 'items'?"],
    ],
  },
  {
    name: 'a document with a YAML syntax error is still validated',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: a
  labels: {app: a
spec:
  containers:
    - name: a
      imagee: b
`,
    expect: [['k8s/schema-unknown-field', '9:7-9:13', "Unknown field 'imagee'; did you mean 'image'?"]],
  },
  {
    name: 'empty, comment-only and non-resource documents are skipped',
    text: '---\n# nothing here\n---\n---\nreplicas: 3\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
    expect: [],
  },
  {
    name: 'null means unset, and YAML 1.1 booleans are booleans to Kubernetes',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: a
  annotations:
spec:
  hostNetwork: yes
  containers:
    - name: a
      image: b
      tty: on
      stdin: "yes"
`,
    expect: [['k8s/schema-type', '12:14-12:19', 'Expected boolean but found string']],
  },
  {
    name: 'a CustomResourceDefinition with x-kubernetes extensions is valid',
    text: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: foos.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Foo, plural: foos}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
          properties:
            size:
              x-kubernetes-int-or-string: true
              default: 1
`,
    expect: [],
  },
];

describe('Kubernetes schema checks', () => {
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(k8sRows(c.text), c.expect);
    });
  }

  test('a realistic multi-kind manifest produces no findings', () => {
    const text = readFileSync(join(__dirname, '../fixtures/schema/k8s-valid.yaml'), 'utf8');
    for (const kind of ['Deployment', 'Service', 'ConfigMap', 'Ingress', 'CronJob', 'StatefulSet', 'List']) {
      assert.match(text, new RegExp(`^\\s*kind: ${kind}$`, 'm'), `fixture has a ${kind}`);
    }
    assert.deepEqual(k8sRows(text), []);
  });

  test('the same manifest with one mistake per object finds each, on its own line', () => {
    const text = readFileSync(join(__dirname, '../fixtures/schema/k8s-valid.yaml'), 'utf8')
      .replace('  LOG_LEVEL: info', '  LOG_LEVEL: 3')
      .replace('imagePullPolicy: IfNotPresent', 'imagePullPolicyy: IfNotPresent')
      .replace('      targetPort: http', '      targetPort: [http]')
      .replace('pathType: Prefix', 'pathTyp: Prefix');
    const found = k8sRows(text).map(([id, at]) => [id, at.split(':')[0]]);
    assert.deepEqual(found, [
      ['k8s/schema-type', '10'],
      ['k8s/schema-unknown-field', '50'],
      ['k8s/schema-type', '129'],
      // pathType is required: the path item (its first key, line 150) lacks it.
      ['k8s/schema-required', '150'],
      ['k8s/schema-unknown-field', '151'],
    ]);
  });

  test('unknown fields and kinds come with a quick fix replacing the exact range', () => {
    const findings = checkKubernetes(
      parseYaml('apiVersion: apps/v1\nkind: Deploymnet\n---\napiVersion: v1\nkind: ConfigMap\ndta: {}\n'),
      schemaStore,
    );
    const fixes = findings.map((f) => f.fixes?.[0]?.edits[0]);
    assert.deepEqual(fixes, [
      { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } }, newText: 'Deployment' },
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } }, newText: 'data' },
    ]);
  });

  test('one finding per location: an alias used twice is reported once', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
    - name: a
      image: b
      resources: &res
        limit: {cpu: 1}
    - name: b
      image: b
      resources: *res
`;
    assert.deepEqual(k8sRows(text), [
      ['k8s/schema-unknown-field', '9:9-9:14', "Unknown field 'limit'; did you mean 'limits'?"],
    ]);
  });

  test('validation stays fast once a kind is compiled', () => {
    const text = readFileSync(join(__dirname, '../fixtures/schema/k8s-valid.yaml'), 'utf8');
    const file = parseYaml(text);
    checkKubernetes(file, schemaStore);
    const rounds = 200;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) checkKubernetes(file, schemaStore);
    const perDoc = (performance.now() - start) / (rounds * file.docs.length);
    // Microseconds in practice; a generous bound that still catches per-call recompilation.
    assert.ok(perDoc < 2, `${perDoc.toFixed(3)} ms per document`);
  });
});
