import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { TerraformChecker } from '../../server/src/core/terraform/check';
import { evaluate } from '../../server/src/core/terraform/evaluate';
import type { TfExpr, TfModule, TfValue } from '../../server/src/core/terraform/model';
import type { Range } from '../../server/src/core/types';
import { TF_ASSETS, tfHost } from './terraformHost';

const DIR = '/virtual/model';
const MAIN = join(DIR, 'main.tf');

/** 1-based `L:C-L:C`. */
function r(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

describe('terraform module model', () => {
  let checker: TerraformChecker;
  before(async () => {
    checker = await TerraformChecker.create(TF_ASSETS);
  });

  function load(text: string, others: Record<string, string> = {}): TfModule {
    const files: Record<string, string> = { [MAIN]: text };
    for (const [n, t] of Object.entries(others)) files[join(DIR, n)] = t;
    return checker.loadModule(MAIN, text, tfHost(files));
  }

  function local(module: TfModule, name: string): TfExpr {
    for (const f of module.files)
      for (const b of f.blocks)
        if (b.type === 'locals') for (const a of b.attributes) if (a.name === name) return a.expr;
    throw new Error(`no local ${name}`);
  }

  test('blocks: type, labels, ranges, header, nested blocks', () => {
    const m = load(
      'resource "aws_s3_bucket" "logs" {\n  bucket = "x"\n  versioning {\n    enabled = true\n  }\n}\n',
    );
    const b = m.files[0]?.blocks[0];
    assert.ok(b);
    assert.equal(b.type, 'resource');
    assert.deepEqual(b.labels, ['aws_s3_bucket', 'logs']);
    assert.deepEqual(b.labelRanges.map(r), ['1:10-1:25', '1:26-1:32']);
    assert.equal(r(b.typeRange), '1:1-1:9');
    assert.equal(r(b.headerRange), '1:1-1:34');
    assert.equal(r(b.range), '1:1-6:2');
    assert.equal(b.file, MAIN);
    const attr = b.attributes[0];
    assert.equal(attr?.name, 'bucket');
    assert.equal(r(attr?.nameRange ?? b.range), '2:3-2:9');
    assert.equal(r(attr?.range ?? b.range), '2:3-2:15');
    assert.equal(attr?.expr.kind, 'literal');
    assert.equal(attr?.expr.value, 'x');
    assert.equal(b.blocks[0]?.type, 'versioning');
    assert.equal(b.blocks[0]?.attributes[0]?.expr.value, true);
  });

  test('expressions: references, tuples, objects, calls, templates', () => {
    const m = load(
      [
        'locals {',
        '  refs  = [var.a, aws_s3_bucket.b[0].id, module.m.out[*].id, data.t_x.y.z]',
        '  obj   = { "k" = 1, bare = local.refs, (var.key) = 2 }',
        '  call  = upper(var.s)',
        '  tmpl  = "a-${var.s}-b"',
        '  forx  = [for x in var.l : x.name]',
        '  neg   = -1.5',
        '  uni   = "h\u00e9\u00e9 ${var.u}"',
        '}',
      ].join('\n'),
    );
    const refs = local(m, 'refs');
    assert.equal(refs.kind, 'tuple');
    assert.deepEqual(
      refs.items?.map((i) => i.kind),
      ['reference', 'reference', 'reference', 'reference'],
    );
    assert.deepEqual(
      refs.references.map((x) => `${x.name} ${r(x.range)}`),
      ['var.a 2:12-2:17', 'aws_s3_bucket.b.id 2:19-2:40', 'module.m.out 2:42-2:54', 'data.t_x.y.z 2:62-2:74'],
    );
    const obj = local(m, 'obj');
    assert.equal(obj.kind, 'object');
    assert.deepEqual(
      obj.entries?.map((e) => e.key),
      ['k', 'bare', '(var.key)'],
    );
    assert.equal(r(obj.entries?.[1]?.keyRange ?? obj.range), '3:22-3:26');
    // A bare object key is not a reference; a parenthesised one is.
    assert.deepEqual(
      obj.references.map((x) => x.name),
      ['local.refs', 'var.key'],
    );
    const call = local(m, 'call');
    assert.equal(call.kind, 'call');
    assert.equal(call.callee, 'upper');
    assert.equal(call.args?.[0]?.text, 'var.s');
    const tmpl = local(m, 'tmpl');
    assert.equal(tmpl.kind, 'template');
    assert.equal(tmpl.parts?.length, 3);
    assert.deepEqual(
      local(m, 'forx').references.map((x) => x.name),
      ['var.l'],
    );
    assert.equal(local(m, 'neg').value, -1.5);
    // Columns are UTF-16 offsets, like LSP.
    assert.equal(r(local(m, 'uni').references[0]?.range ?? refs.range), '8:18-8:23');
  });

  test('an unclosed block does not swallow the blocks after it', () => {
    const m = load(
      'variable "a" {\n  type = string\n\nresource "terraform_data" "x" {}\noutput "o" {\n  value = 1\n}\n',
    );
    const blocks = m.files[0]?.blocks ?? [];
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['variable', 'resource', 'output'],
    );
    assert.equal(blocks[0]?.unclosed, true);
    assert.equal(m.files[0]?.hasErrors, true);
  });

  test('loads every .tf file of the folder, the checked text replacing the disk version', () => {
    const m = load('locals {\n  a = 1\n}\n', {
      'b.tf': 'variable "v" {}\n',
      'notes.md': '# x',
      'x.tf.json': '{}',
    });
    assert.deepEqual(
      m.files.map((f) => f.path),
      [join(DIR, 'b.tf'), MAIN],
    );
    assert.equal(m.dir, DIR);
  });

  const evalCases: { name: string; local: string; want: TfValue | 'unknown' }[] = [
    { name: 'string', local: 's', want: 'abc' },
    { name: 'escapes', local: 'esc', want: 'a"b\n${x}' },
    { name: 'number, bool, null', local: 'tuple', want: [1, true, null, -2] },
    { name: 'object', local: 'obj', want: { a: 1, b: 'x' } },
    { name: 'var with default', local: 'v', want: 'eu-west-1' },
    { name: 'var without default', local: 'nodefault', want: 'unknown' },
    { name: 'local chain', local: 'chain', want: 'eu-west-1-app' },
    { name: 'index into a known value', local: 'idx', want: -2 },
    { name: 'attribute of a known object', local: 'attr', want: 'x' },
    { name: 'template of a lone interpolation keeps the type', local: 'lone', want: { a: 1, b: 'x' } },
    { name: 'function call', local: 'call', want: 'unknown' },
    { name: 'resource attribute', local: 'res', want: 'unknown' },
    { name: 'conditional', local: 'cond', want: 'unknown' },
    { name: 'cycle', local: 'loop1', want: 'unknown' },
    { name: 'heredoc without interpolation', local: 'heredoc', want: 'line1\n  line2\n' },
    { name: 'indented heredoc', local: 'indented', want: 'line1\n  line2\n' },
  ];

  test('evaluate', () => {
    const m = load(
      [
        'variable "region" {',
        '  default = "eu-west-1"',
        '}',
        'variable "nd" {}',
        'locals {',
        '  s = "abc"',
        '  esc = "a\\"b\\n$${x}"',
        '  tuple = [1, true, null, -2]',
        '  obj = { a = 1, "b" = "x" }',
        '  v = var.region',
        '  nodefault = var.nd',
        '  name = "app"',
        '  chain = "${local.v}-${local.name}"',
        '  idx = local.tuple[3]',
        '  attr = local.obj.b',
        '  lone = "${local.obj}"',
        '  call = upper("a")',
        '  res = aws_s3_bucket.b.id',
        '  cond = true ? 1 : 2',
        '  loop1 = local.loop2',
        '  loop2 = local.loop1',
        '  heredoc = <<EOT',
        'line1',
        '  line2',
        'EOT',
        '  indented = <<-EOT',
        '    line1',
        '      line2',
        '    EOT',
        '}',
      ].join('\n'),
    );
    for (const c of evalCases) {
      const e = evaluate(m, local(m, c.local));
      assert.deepEqual(e.known ? e.value : 'unknown', c.want, c.name);
    }
  });
});
