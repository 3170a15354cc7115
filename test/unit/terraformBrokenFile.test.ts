import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { buildFile } from '../../server/src/core/terraform/build';
import { liteTree } from '../../server/src/core/terraform/lite';
import { TfModuleLoader } from '../../server/src/core/terraform/module';
import { TfParser } from '../../server/src/core/terraform/parser';
import { shiftBlock } from '../../server/src/core/terraform/shift';
import { syntaxFindings } from '../../server/src/core/terraform/syntax';
import { prng } from './incrementalKit';
import { TF_ASSETS } from './terraformHost';

/**
 * A file with syntax errors is modelled from stubs for its error-free top-level blocks (kept
 * from the last version) and a copy of what holds errors. The model and the syntax findings
 * must be those of a copy of the whole tree, for every version of a typing session.
 */
describe('Terraform file with syntax errors: blocks without errors kept', () => {
  let parser: TfParser;
  before(async () => {
    parser = await TfParser.create(TF_ASSETS);
  });

  const bucket = (i: number) =>
    `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n  tags = {\n    team = "t${i % 3}"\n  }\n}\n`;
  // With blocks the missing-brace search reads more of: a heredoc whose lines sit at column 0,
  // and a nested block closed left of where it opens.
  const odd = [
    '  resource "aws_iam_policy" "p" {\n    policy = <<EOT\n{\n"a": 1\n}\nEOT\n  }\n',
    '  resource "aws_s3_bucket" "indented" {\n    lifecycle {\n  }\n  }\n',
  ];
  const base = Array.from({ length: 40 }, (_, i) => (i % 13 === 5 ? odd[(i / 13) | 0] : bucket(i))).join(
    '\n',
  );

  /** The model and syntax findings as a copy of the whole tree gives them. */
  function whole(path: string, text: string) {
    const tree = parser.parse(text);
    assert.ok(tree);
    try {
      const root = liteTree(tree, text);
      const lines = new TfModuleLoader(parser).parseFile(path, text).lines;
      return { file: buildFile(path, root, lines), syntax: syntaxFindings(root, lines) };
    } finally {
      tree.delete();
    }
  }

  test('typing a new attribute, a brace and lines in one block, and random breakage elsewhere', () => {
    const path = '/virtual/broken/main.tf';
    const loader = new TfModuleLoader(parser);
    const rnd = prng(5);
    let text = base;
    const at = text.indexOf('resource "aws_s3_bucket" "b20"');
    let off = text.indexOf('\n', at) + 1;
    const typed = ['  t', 'a', 'g', 's', ' ', '=', ' ', '{', '\n', '    x = 1', '\n', '  }', '\n'];
    const pieces = ['{', '}', '"', '=', '\n', 'x', ' ', '(', ')', '#', '[', ']'];
    let broken = 0;
    let kept = 0;
    for (let step = 0; step < 60; step++) {
      const before = loader.parseFile(path, text);
      if (step < typed.length) {
        const s = typed[step] as string;
        text = text.slice(0, off) + s + text.slice(off);
        off += s.length;
      } else {
        const p = Math.floor(rnd() * text.length);
        const piece = pieces[Math.floor(rnd() * pieces.length)] as string;
        text = rnd() < 0.3 ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p) + piece + text.slice(p);
        if (rnd() < 0.1) text = base;
      }
      const got = loader.parseFile(path, text);
      const want = whole(path, text);
      assert.deepEqual(
        JSON.parse(JSON.stringify(got.file)),
        JSON.parse(JSON.stringify(want.file)),
        `model, step ${step}`,
      );
      assert.deepEqual(syntaxFindings(got.root!, got.lines), want.syntax, `syntax findings, step ${step}`);
      if (got.file.hasErrors) {
        broken++;
        kept += got.file.blocks.filter((b) => before.file.blocks.includes(b)).length;
      }
    }
    assert.ok(broken >= 20, `${broken} versions with errors`);
    // Blocks away from the errors keep their model objects from one version to the next.
    assert.ok(kept > broken * 10, `${kept} models kept over ${broken} broken versions`);
  });

  test('a missing brace early in the file: what it swallows, stubs included, reads as a whole copy', () => {
    const path = '/virtual/broken/swallow.tf';
    for (const cut of [0, 3, 4, 10]) {
      const loader = new TfModuleLoader(parser);
      loader.parseFile(path, base);
      // The closing brace of block `cut`, then an attribute typed before it, go missing.
      const at = base.indexOf('\n}\n', base.indexOf(`"b${cut}"`));
      for (const text of [
        base.slice(0, at) + base.slice(at + 2),
        base.slice(0, at) + '\n  n' + base.slice(at),
      ]) {
        const got = loader.parseFile(path, text);
        const want = whole(path, text);
        assert.ok(got.file.hasErrors);
        assert.deepEqual(
          JSON.parse(JSON.stringify(got.file)),
          JSON.parse(JSON.stringify(want.file)),
          `model, cut ${cut}`,
        );
        assert.deepEqual(syntaxFindings(got.root!, got.lines), want.syntax, `syntax findings, cut ${cut}`);
      }
    }
  });

  test('a block model shifted down equals the model built lines further down', () => {
    const block = [
      'resource "aws_instance" "web" {',
      '  count = length(var.zones)',
      '  ami   = data.aws_ami.x.id',
      '  tags  = merge(local.tags, { Name = "web-${count.index}", "k" = [1, 2.5, true, null] })',
      '  list  = [for z in var.zones : upper(z) if z != ""]',
      '  pick  = var.m["a"].b[0]',
      '  all   = aws_instance.other[*].id',
      '  tmpl  = <<-EOT',
      '    hello ${var.name}',
      '  EOT',
      '  dynamic "ebs_block_device" {',
      '    for_each = var.disks',
      '    content {',
      '      device_name = ebs_block_device.value.name',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const at = (text: string) => {
      const b = new TfModuleLoader(parser).parseFile('/virtual/shift/main.tf', text).file.blocks[0];
      assert.ok(b);
      return b;
    };
    const here = at(block);
    for (const down of [1, 7]) {
      assert.deepEqual(shiftBlock(here, down), at('\n'.repeat(down) + block), `${down} lines down`);
    }
    const shifted = shiftBlock(here, 2);
    const tags = shifted.attributes.find((a) => a.name === 'tags')!.expr;
    // A reference is one object in an expression and in the expressions within it.
    const inner = tags.args?.[0];
    assert.ok(inner && tags.references.includes(inner.references[0]!));
  });
});
