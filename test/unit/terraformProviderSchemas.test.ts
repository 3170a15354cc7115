import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TerraformChecker } from '../../server/src/core/terraform/check';
import type { Finding } from '../../server/src/core/types';
import { TerraformProviderSchemaCache } from '../../server/src/node/terraformProviderSchemas';
import { TF_ASSETS, tfHost } from './terraformHost';

const TF_ENV = {
  ...process.env,
  TF_CLI_CONFIG_FILE: '/dev/null',
  CHECKPOINT_DISABLE: '1',
  TF_IN_AUTOMATION: '1',
};

function show(f: Finding): string {
  const { start, end } = f.range;
  return `${f.ruleId} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.message}`;
}

/** Real `terraform init` + `terraform providers schema -json` on the built-in terraform_data resource. */
describe('provider schemas from a real terraform', () => {
  let dir: string;
  let checker: TerraformChecker;
  const schemas = new TerraformProviderSchemaCache({ probeUninitialised: true });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-tf-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "terraform_data" "x" {\n  input = 1\n}\n');
    execFileSync('terraform', ['init', '-input=false', '-no-color'], {
      cwd: dir,
      env: TF_ENV,
      stdio: 'ignore',
    });
    checker = await TerraformChecker.create(TF_ASSETS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a folder needing a provider that was never installed has no schemas', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'bulwark-tf-bare-'));
    writeFileSync(
      join(bare, 'main.tf'),
      'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n',
    );
    try {
      assert.equal(await schemas.load(bare), undefined);
      assert.equal(schemas.get(bare), undefined);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  test('load is async, get is a cache lookup, and the checker flags unknown and missing attributes', async () => {
    assert.equal(schemas.get(dir), undefined, 'nothing cached before load');
    const loaded = await schemas.load(dir);
    assert.ok(loaded?.provider_schemas?.['terraform.io/builtin/terraform'], 'built-in provider schema');
    assert.equal(schemas.get(dir), loaded);

    const host = { ...tfHost(), providerSchemas: (d: string) => schemas.get(d) };
    const path = join(dir, 'main.tf');
    const text = [
      'resource "terraform_data" "ok" {',
      '  input            = 1',
      '  triggers_replace = [1]',
      '  count            = 1',
      '  lifecycle {',
      '    create_before_destroy = true',
      '  }',
      '}',
      'resource "terraform_data" "typo" {',
      '  inpt = 1',
      '  id   = "x"',
      '  nested {',
      '  }',
      '}',
      'data "unknown_thing" "d" {',
      '  whatever = 1',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(checker.check(path, text, host).map(show), [
      "tf/unknown-attribute 10:3-10:7 Unknown attribute 'inpt' in resource 'terraform_data'. Did you mean 'input'?",
      "tf/unknown-attribute 11:3-11:5 'id' is computed by the provider and cannot be set.",
      "tf/unknown-attribute 12:3-12:9 Unknown block type 'nested' in resource 'terraform_data'.",
    ]);
  });

  test('loadSync (for the CLI) returns the cached schemas', () => {
    const sync = new TerraformProviderSchemaCache({ probeUninitialised: true });
    const s = sync.loadSync(dir);
    assert.ok(s?.provider_schemas?.['terraform.io/builtin/terraform']);
    assert.equal(sync.get(dir), s);
  });
});

describe('missing required attributes (schema given by the host)', () => {
  test('reported at the header, dynamic blocks count for required blocks', async () => {
    const checker = await TerraformChecker.create(TF_ASSETS);
    const schema = {
      provider_schemas: {
        'registry.terraform.io/acme/acme': {
          resource_schemas: {
            acme_box: {
              block: {
                attributes: {
                  name: { type: 'string', required: true },
                  size: { type: 'number', optional: true },
                },
                block_types: {
                  rule: {
                    nesting_mode: 'list',
                    min_items: 1,
                    block: { attributes: { port: { type: 'number', required: true } } },
                  },
                },
              },
            },
          },
        },
      },
    };
    const path = '/virtual/acme/main.tf';
    const text = [
      'resource "acme_box" "a" {',
      '  size = 1',
      '}',
      'resource "acme_box" "b" {',
      '  name = "b"',
      '  dynamic "rule" {',
      '    for_each = [1]',
      '    content {',
      '      prot = rule.value',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(checker.check(path, text, tfHost({ [path]: text }, schema)).map(show), [
      "tf/missing-required-attribute 1:1-1:26 Missing required argument 'name' in resource 'acme_box'.",
      "tf/missing-required-attribute 1:1-1:26 Missing required block 'rule' in resource 'acme_box'.",
      "tf/unknown-attribute 9:7-9:11 Unknown attribute 'prot' in block 'content'. Did you mean 'port'?",
      "tf/missing-required-attribute 8:5-8:14 Missing required argument 'port' in block 'content'.",
    ]);
  });
});
