// Deploy target discovery: terraform root modules, compose projects (override, COMPOSE_FILE),
// kustomize folders and manifest folders.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { discoverTargets } from '../../client/src/deploy/targets';

const root = mkdtempSync(join(tmpdir(), 'bulwark-targets-'));
after(() => rmSync(root, { recursive: true, force: true }));

function put(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

test('finds each kind of target with the files its tool is given', () => {
  put('infra/prod/main.tf', 'module "net" {\n  source = "../modules/net"\n}\n');
  put('infra/modules/net/main.tf', 'resource "terraform_data" "x" {}\n');
  put('infra/.terraform/modules/x/main.tf', 'ignored');
  put('apps/shop/compose.yaml', 'services: {}\n');
  put('apps/shop/compose.override.yaml', 'services: {}\n');
  put('apps/api/.env', 'COMPOSE_FILE=base.yml:prod.yml\n');
  put('apps/api/base.yml', 'services: {}\n');
  put('k8s/base/kustomization.yaml', 'resources: [deploy.yaml]\n');
  put('k8s/base/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n');
  put('k8s/raw/a.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
  put('k8s/raw/notes.yaml', 'just: data\n');
  put('.bulwark.yaml', 'environments: {}\n');

  const found = discoverTargets(root).map((t) => [
    t.kind,
    t.id,
    t.files.map((f) => f.replace(root + '/', '')),
    t.kustomize ?? false,
  ]);
  assert.deepEqual(found, [
    ['compose', 'apps/api', ['base.yml', 'prod.yml'], false],
    ['compose', 'apps/shop', ['compose.yaml', 'compose.override.yaml'], false],
    ['terraform', 'infra/prod', [], false],
    ['kubernetes', 'k8s/base', [], true],
    ['kubernetes', 'k8s/raw', ['k8s/raw/a.yaml'], false],
  ]);
});
