import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { TerraformChecker } from '../../server/src/core/terraform/check';
import type { Finding } from '../../server/src/core/types';
import { TF_ASSETS, TF_FIXTURES, tfHost } from './terraformHost';

/** `ruleId L:C-L:C` with 1-based lines and columns, start and end. */
function show(f: Finding): string {
  const { start, end } = f.range;
  return `${f.ruleId} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

const DIR = '/virtual/tf';
const MAIN = join(DIR, 'main.tf');

interface Case {
  name: string;
  text: string;
  /** Other files of the folder, by name. */
  others?: Record<string, string>;
  expect: string[];
  /** Substrings the messages must contain, in finding order. */
  messages?: string[];
}

const cases: Case[] = [
  // ---- tf/syntax ----
  {
    name: 'missing } in the middle of a file is reported where the user broke it',
    text: 'variable "a" {\n  type = string\n\nresource "terraform_data" "x" {\n  input = var.a\n}\n\noutput "o" {\n  value = 1\n}\n',
    expect: ['tf/syntax 2:3-2:16'],
    messages: ["Missing '}': block opened at line 1 is not closed."],
  },
  {
    name: 'missing } of a nested block points inside the parent',
    text: 'resource "terraform_data" "a" {\n  lifecycle {\n    create_before_destroy = true\n\n  provisioner "local-exec" {\n    command = "echo"\n  }\n}\n',
    expect: ['tf/syntax 3:5-3:33'],
    messages: ['block opened at line 2 is not closed'],
  },
  {
    name: 'unexpected token',
    text: 'locals {\n  a = 1 +\n  b = )\n}\n',
    expect: ['tf/syntax 3:5-3:6'],
    messages: ["Unexpected '='."],
  },
  {
    name: 'unexpected closing parenthesis',
    text: 'locals {\n  a = 1\n  b = )\n}\n',
    expect: ['tf/syntax 3:7-3:8'],
    messages: ["Unexpected ')'."],
  },
  {
    name: 'unterminated string reports once, no cascade',
    text: 'locals {\n  a = "abc\n  b = 2\n}\nlocals {\n  c = [1, 2\n}\n',
    expect: ['tf/syntax 2:7-2:11'],
    messages: ['Unterminated string'],
  },
  {
    name: 'stray closing brace',
    text: 'locals {\n  a = 1\n}}\n',
    expect: ['tf/syntax 3:2-3:3'],
    messages: ["Unexpected '}'."],
  },
  // ---- tf/unknown-block ----
  {
    name: 'unknown top-level block with did you mean',
    text: 'resorce "terraform_data" "x" {}\nfoo {}\n',
    expect: ['tf/unknown-block 1:1-1:8', 'tf/unknown-block 2:1-2:4'],
    messages: ["Unknown block type 'resorce'. Did you mean 'resource'?", "Unknown block type 'foo'."],
  },
  // ---- tf/block-labels ----
  {
    name: 'label counts',
    text: 'resource "terraform_data" {}\nvariable "a" "b" {}\nlocals "x" {}\ncheck {}\nterraform {}\n',
    expect: [
      'tf/block-labels 1:1-1:28',
      'tf/block-labels 2:14-2:17',
      'tf/block-labels 3:8-3:11',
      'tf/block-labels 4:1-4:8',
    ],
    messages: [
      'takes 2 labels (resource type, resource name), found 1',
      'takes 1 label (variable name), found 2',
      'takes no labels, found 1',
    ],
  },
  // ---- tf/missing-argument ----
  {
    name: 'required arguments of core blocks',
    text: 'module "m" {}\nmoved {\n  from = terraform_data.a\n}\nimport {\n  to = terraform_data.b\n}\nremoved {}\noutput "o" {}\n',
    expect: [
      'tf/missing-argument 1:1-1:13',
      'tf/missing-argument 2:1-2:8',
      'tf/missing-argument 5:1-5:9',
      'tf/missing-argument 8:1-8:10',
      'tf/missing-argument 9:1-9:13',
    ],
    messages: [
      "requires 'source'",
      "requires 'to'",
      "requires 'id' or 'identity'",
      "requires 'from'",
      "requires 'value'",
    ],
  },
  {
    name: 'import with identity instead of id is fine',
    text: 'import {\n  to = terraform_data.b\n  identity = { id = "x" }\n}\nresource "terraform_data" "b" {}\n',
    expect: [],
  },
  // ---- tf/unknown-argument ----
  {
    name: 'unknown arguments of core blocks',
    text: 'variable "a" {\n  typ = string\n  defualt = 1\n}\noutput "o" {\n  value = 1\n  sensitiv = true\n}\nterraform {\n  required_version = ">= 1"\n  backend "local" {}\n  bakend "s3" {}\n}\n',
    expect: [
      'tf/unknown-argument 2:3-2:6',
      'tf/unknown-argument 3:3-3:10',
      'tf/unknown-argument 7:3-7:11',
      'tf/unknown-argument 12:3-12:9',
    ],
    messages: [
      "Did you mean 'type'?",
      "Did you mean 'default'?",
      "Did you mean 'sensitive'?",
      "Did you mean 'backend'?",
    ],
  },
  // ---- tf/count-and-for-each ----
  {
    name: 'count with for_each',
    text: 'resource "terraform_data" "x" {\n  count    = 2\n  for_each = toset(["a"])\n}\nmodule "m" {\n  source   = "./m"\n  for_each = {}\n  count    = 1\n}\n',
    expect: ['tf/count-and-for-each 3:3-3:11', 'tf/count-and-for-each 8:3-8:8'],
  },
  // ---- tf/duplicate-declaration ----
  {
    name: 'duplicates within one file',
    text: 'variable "a" {}\nvariable "a" {}\nlocals {\n  x = 1\n}\nlocals {\n  x = 2\n}\nresource "terraform_data" "r" {}\nresource "terraform_data" "r" {}\ndata "terraform_remote_state" "s" {}\ndata "terraform_remote_state" "s" {}\noutput "o" {\n  value = 1\n}\noutput "o" {\n  value = 2\n}\n',
    expect: [
      'tf/duplicate-declaration 1:10-1:13',
      'tf/duplicate-declaration 2:10-2:13',
      'tf/duplicate-declaration 4:3-4:4',
      'tf/duplicate-declaration 7:3-7:4',
      'tf/duplicate-declaration 9:27-9:30',
      'tf/duplicate-declaration 10:27-10:30',
      'tf/duplicate-declaration 11:31-11:34',
      'tf/duplicate-declaration 12:31-12:34',
      'tf/duplicate-declaration 13:8-13:11',
      'tf/duplicate-declaration 16:8-16:11',
    ],
    messages: ["'var.a' is declared more than once; also at this file:2.", 'also at this file:1.'],
  },
  {
    name: 'duplicate across files names the other file',
    text: 'variable "region" {}\n',
    others: { 'variables.tf': '\n\nvariable "region" {\n  default = "x"\n}\n' },
    expect: ['tf/duplicate-declaration 1:10-1:18'],
    messages: ["'var.region' is declared more than once; also at variables.tf:3."],
  },
  {
    name: 'same name, different resource types is fine; override files merge',
    text: 'resource "terraform_data" "a" {}\nresource "null_resource" "a" {}\nvariable "v" {}\n',
    others: { 'main_override.tf': 'variable "v" {\n  default = 1\n}\n' },
    expect: [],
  },
  // ---- tf/undeclared-reference ----
  {
    name: 'undeclared var, local, module, data, resource',
    text: 'locals {\n  a = var.nope\n  b = local.nope\n  c = module.nope.out\n  d = data.aws_ami.nope.id\n  e = aws_instance.nope[0].id\n  f = "${var.nope2}-x"\n}\n',
    expect: [
      'tf/undeclared-reference 2:7-2:15',
      'tf/undeclared-reference 3:7-3:17',
      'tf/undeclared-reference 4:7-4:18',
      'tf/undeclared-reference 5:7-5:24',
      'tf/undeclared-reference 6:7-6:24',
      'tf/undeclared-reference 7:10-7:19',
    ],
    messages: [
      "undeclared variable 'var.nope'",
      "undeclared local value 'local.nope'",
      "undeclared module 'module.nope'",
      "undeclared data source 'data.aws_ami.nope'",
      "undeclared resource 'aws_instance.nope'",
      "'var.nope2'",
    ],
  },
  {
    name: 'a misspelt reference suggests the declared name of the same kind',
    text: 'variable "environment" {}\nresource "terraform_data" "release" {}\noutput "o" {\n  value = [var.enviroment, terraform_data.relase.id]\n}\n',
    expect: ['tf/undeclared-reference 4:12-4:26', 'tf/undeclared-reference 4:28-4:49'],
    messages: [
      "'var.enviroment'. Did you mean 'var.environment'?",
      "'terraform_data.relase'. Did you mean 'terraform_data.release'?",
    ],
  },
  {
    name: 'reference declared in the other file',
    text: 'resource "terraform_data" "x" {\n  input = [var.name, local.greeting, terraform_data.y.id, module.m.out, data.terraform_remote_state.s.outputs]\n}\n',
    others: {
      'other.tf':
        'variable "name" {}\nlocals {\n  greeting = "hi"\n}\nresource "terraform_data" "y" {}\nmodule "m" {\n  source = "./m"\n}\ndata "terraform_remote_state" "s" {}\n',
    },
    expect: [],
  },
  {
    name: 'for expressions, dynamic blocks, each, count, self, path, terraform, provider functions',
    text: [
      'variable "rules" {}',
      'resource "aws_security_group" "sg" {',
      '  for_each = var.rules',
      '  name     = "${each.key}-${each.value.name}-${path.module}-${terraform.workspace}"',
      '  dynamic "ingress_rule" {',
      '    for_each = each.value.ports',
      '    content {',
      '      port = ingress_rule.value',
      '      key  = ingress_rule.key',
      '      dynamic "cidr_set" {',
      '        for_each = ingress_rule.value.cidrs',
      '        iterator = cidr_item',
      '        content {',
      '          cidr = cidr_item.value',
      '        }',
      '      }',
      '    }',
      '  }',
      '  tags = { for tag_name, tag_value in var.rules : tag_name => upper(tag_value) }',
      '  list = [for some_item in var.rules : some_item.x if some_item.y]',
      '  text = "%{for loop_var in var.rules}${loop_var.a}%{endfor}"',
      '  arn  = provider::aws::arn_parse("x")',
      '  lifecycle {',
      '    ignore_changes = [foo_bar.baz]',
      '  }',
      '  provisioner "local-exec" {',
      '    command = self.id',
      '  }',
      '}',
      'resource "terraform_data" "n" {',
      '  count = 2',
      '  input = count.index',
      '}',
      'moved {',
      '  from = aws_instance.gone',
      '  to   = terraform_data.n',
      '}',
      '',
    ].join('\n'),
    expect: [],
  },
  {
    name: 'a reference outside the for expression that binds its name is flagged',
    text: 'locals {\n  a = [for x_y in [] : x_y]\n  b = x_y.z\n}\n',
    expect: ['tf/undeclared-reference 3:7-3:12'],
  },
  {
    name: 'no undeclared-reference findings while another file has syntax errors',
    text: 'locals {\n  a = var.declared_in_broken_file\n}\n',
    others: { 'broken.tf': 'variable "declared_in_broken_file" {\n  type = string\n' },
    expect: [],
  },
  {
    name: 'no undeclared-reference findings when the folder has .tf.json files',
    text: 'locals {\n  a = var.from_json\n}\n',
    others: { 'vars.tf.json': '{"variable": {"from_json": {}}}' },
    expect: [],
  },
];

describe('terraform core checks', () => {
  let checker: TerraformChecker;
  before(async () => {
    checker = await TerraformChecker.create(TF_ASSETS);
  });

  for (const c of cases) {
    test(c.name, () => {
      const files: Record<string, string> = { [MAIN]: c.text };
      for (const [name, text] of Object.entries(c.others ?? {})) files[join(DIR, name)] = text;
      const findings = checker.check(MAIN, c.text, tfHost(files));
      assert.deepEqual(findings.map(show).sort(), [...c.expect].sort());
      for (const [i, m] of (c.messages ?? []).entries()) {
        const f = findings[i];
        assert.ok(f?.message.includes(m), `finding ${i}: ${f?.message} should contain ${m}`);
      }
      for (const f of findings) assert.equal(f.severity, 'error');
    });
  }

  test('a realistic module produces no findings in any of its files', () => {
    const dir = join(TF_FIXTURES, 'valid-module');
    const host = tfHost();
    for (const name of host.listDir(dir) ?? []) {
      const p = join(dir, name);
      assert.deepEqual(checker.check(p, host.readFile(p) ?? '', host).map(show), [], name);
    }
  });

  test('two-file fixture: duplicate reported in each file, reference across files resolved', () => {
    const dir = join(TF_FIXTURES, 'two-files');
    const host = tfHost();
    const a = join(dir, 'a.tf');
    const b = join(dir, 'b.tf');
    assert.deepEqual(checker.check(a, host.readFile(a) ?? '', host).map(show), [
      'tf/duplicate-declaration 1:10-1:16',
    ]);
    const fb = checker.check(b, host.readFile(b) ?? '', host);
    assert.deepEqual(fb.map(show), ['tf/duplicate-declaration 5:10-5:16']);
    assert.match(fb[0]?.message ?? '', /a\.tf:1/);
  });

  test('duplicate declarations after edits inside blocks equal a fresh check of each version', async () => {
    const fresh = async (path: string, text: string) =>
      (await TerraformChecker.create(TF_ASSETS))
        .check(path, text, tfHost({ [path]: text }))
        .filter((f) => f.ruleId === 'tf/duplicate-declaration')
        .map((f) => `${show(f)} ${f.message}`);
    const path = join('/virtual/dup-edits', 'main.tf');
    const blocks = (names: string[]) =>
      names.map((n, i) => `resource "terraform_data" "${n}" {\n  input = "v${i}"\n}\n`).join('\n');
    const v0 = blocks(['a', 'b', 'dup', 'c', 'dup', 'd']);
    const versions = [
      v0,
      // Inside a block that declares no repeated key: the findings stand.
      v0.replace('"v1"', '"v1x"'),
      // Inside a duplicated block: same keys, findings made again (here its label moves).
      v0.replace('"v1"', '"v1x"').replace('"v2"', '"v2y"'),
      v0
        .replace('"v1"', '"v1x"')
        .replace('"v2"', '"v2y"')
        .replace('"terraform_data" "dup"', '"terraform_data"  "dup"'),
      // A rename that makes another duplicate, then one that removes it.
      v0.replace('"v1"', '"v1x"').replace('"v2"', '"v2y"').replace('"b"', '"a"'),
      v0.replace('"v1"', '"v1x"').replace('"v2"', '"v2y"'),
      // A rename that removes the duplicate.
      v0
        .replace('"v1"', '"v1x"')
        .replace('"v2"', '"v2y"')
        .replace('"dup" {\n  input = "v4"', '"e" {\n  input = "v4"'),
      // Lines inserted above: every block moves.
      `# moved\n\n${v0}`,
    ];
    // Fresh checks first: the incremental side's versions follow one another.
    const expected = [];
    for (const text of versions) expected.push(await fresh(path, text));
    const host = tfHost();
    for (const [i, text] of versions.entries()) {
      const got = checker
        .check(path, text, { ...host, readFile: (p) => (p === path ? text : host.readFile(p)) })
        .filter((f) => f.ruleId === 'tf/duplicate-declaration')
        .map((f) => `${show(f)} ${f.message}`);
      assert.deepEqual(got, expected[i], `version ${i}`);
    }
  });

  test('the text being checked replaces the disk version', () => {
    const a = join(TF_FIXTURES, 'two-files', 'a.tf');
    const edited = 'resource "terraform_data" "x" {\n  input = local.greeting\n}\n';
    assert.deepEqual(checker.check(a, edited, tfHost()).map(show), []);
  });

  test('malformed input returns, with few findings and no internal error', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const inputs = {
      junk: Array.from({ length: 20000 }, () => String.fromCharCode(Math.floor(rnd() * 0xd7ff))).join(''),
      quotes: '"'.repeat(5000) + '\n' + 'a = "b\n'.repeat(1000),
      braces: 'a {'.repeat(10000),
      objects: 'locals {\n x = ' + '{a = '.repeat(5000) + '\n}',
      heredoc: 'locals {\n x = <<EOT\n${\n',
    };
    for (const [name, text] of Object.entries(inputs)) {
      const p = join('/virtual/junk', `${name}.tf`);
      const findings = checker.check(p, text, tfHost({ [p]: text }));
      assert.ok(findings.length <= 12, `${name}: ${findings.length} findings`);
      assert.ok(!findings.some((f) => f.ruleId === 'tf/internal-error'), name);
      assert.ok(
        findings.some((f) => f.ruleId === 'tf/syntax'),
        `${name} has a syntax error`,
      );
    }
  });
});
