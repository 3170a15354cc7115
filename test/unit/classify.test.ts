import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../server/src/core/classify';

const K8S = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n';

const cases: [string, string, string, ReturnType<typeof classify>][] = [
  ['modeline wins over the file name', 'compose.yaml', `# bulwark: kubernetes\n${COMPOSE}`, 'kubernetes'],
  ['modeline k8s alias', 'a.yaml', '# bulwark: k8s\nfoo: 1\n', 'kubernetes'],
  ['modeline in any case, after other lines', 'a.yml', `# header\n  #  BULWARK:  Compose\n${K8S}`, 'compose'],
  ['modeline ignore', 'a.yaml', `# bulwark: ignore\n${K8S}`, 'ignore'],
  [
    'modeline past the first 2 KiB is not read',
    'a.yaml',
    `${'# pad\n'.repeat(400)}# bulwark: ignore\n${K8S}`,
    'kubernetes',
  ],
  [
    '"bulwark" without a modeline changes nothing',
    'a.yaml',
    `# bulwark docs: see README\n${K8S}`,
    'kubernetes',
  ],
  ['unknown mode is no modeline', 'a.yaml', `# bulwark: helm\n${K8S}`, 'kubernetes'],
  ['compose by name', 'docker-compose.prod.yml', 'x: 1\n', 'compose'],
  ['compose by content', 'stack.yaml', COMPOSE, 'compose'],
  ['kubernetes by content', 'app.yaml', K8S, 'kubernetes'],
  ['kustomization is skipped', 'kustomization.yaml', K8S, 'other'],
  ['config file', '.bulwark.yaml', 'rules: {}\n', 'config'],
  ['terraform', 'main.tf', 'resource "a" "b" {}\n', 'terraform'],
  ['terraform ignore modeline', 'main.tf', '# Bulwark: ignore\nresource "a" "b" {}\n', 'ignore'],
  ['terraform: other modes do not apply', 'main.tf', '# bulwark: k8s\nresource "a" "b" {}\n', 'terraform'],
  ['other files', 'README.md', K8S, 'other'],
];

for (const [name, path, text, want] of cases) {
  test(`classify: ${name}`, () => assert.equal(classify(`/w/${path}`, text), want));
}
