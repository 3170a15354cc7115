import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import type { Finding } from '../../server/src/core/types';
import { ASSETS, diskHost } from '../helpers/analyzer';
import { prng, randomEdit } from './incrementalKit';

/**
 * Terraform files are re-parsed incrementally (tree-sitter edit + reparse) and unchanged
 * top-level blocks keep their model. After any sequence of edits, the model and the findings
 * must be exactly those of a fresh parse of the final text.
 */
let incremental: Analyzer;
let scratch: Analyzer;

before(async () => {
  incremental = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
  scratch = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
});

const canonical = (findings: Finding[]) => findings.map((f) => JSON.stringify(f)).sort();

const TF = `terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

variable "owner" {
  type    = string
  default = "platform"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs-\${var.owner}"
  tags   = { team = "x" }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration { status = "Enabled" }
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
  acl    = "public-read"
}

locals {
  names = [for s in ["a", "b"] : upper(s)]
  doc   = <<-EOT
    hello \${local.names[0]}
  EOT
}

output "x" {
  value = aws_s3_bucket.data.arn
}
`;

/** Types one character inside a random string literal: the edit an editor sends most. */
function typeInString(rnd: () => number, text: string): string {
  const spots = [...text.matchAll(/= "([^"$\n]*)"/g)].map(
    (m) => (m.index ?? 0) + 3 + Math.floor(rnd() * (m[1]!.length + 1)),
  );
  const at = spots[Math.floor(rnd() * spots.length)] ?? 0;
  return text.slice(0, at) + 'abc-1'[Math.floor(rnd() * 5)] + text.slice(at);
}

/**
 * Replays the edits on the incremental analyzer first, then analyses every version from scratch:
 * interleaving the two would keep evicting the per-rule and per-block caches (they remember the
 * last run), and the incremental side would never reuse anything.
 */
/** Pairs of values that turn findings on and off while the rest of the file stays the same. */
const TOGGLES: [string, string][] = [
  ['acl    = "public-read"', 'acl    = "private"'],
  ['status = "Enabled"', 'status = "Suspended"'],
  ['default = "platform"', 'default = "plat"'],
  ['bucket = "data"', 'bucket = "datum"'],
  ['team = "x"', 'team = "y"'],
];

function toggleValue(rnd: () => number, text: string): string {
  const [a, b] = TOGGLES[Math.floor(rnd() * TOGGLES.length)]!;
  return text.includes(a) ? text.replace(a, b) : text.replace(b, a);
}

function replay(
  path: string,
  pieces: string[] | 'strings' | 'toggles',
  seed: number,
  steps: number,
  base = TF,
): { valid: number } {
  const rnd = prng(seed);
  let text = base;
  incremental.forget(path);
  const versions: { text: string; findings: Finding[]; model: unknown }[] = [];
  for (let k = 0; k < steps; k++) {
    if (pieces === 'strings') text = typeInString(rnd, text);
    else if (pieces === 'toggles') text = toggleValue(rnd, text);
    // Broken syntax tends to stay broken: now and then go back to the valid file (a big edit).
    else text = rnd() < 0.15 ? base : randomEdit(rnd, text, pieces);
    if (text.length > base.length * 2) text = base;
    const got = incremental.analyze(path, text);
    versions.push({ text, findings: got.findings, model: incremental.sources.terraform(path, text) });
  }
  return { valid: compareWithScratch(path, versions) };
}

function compareWithScratch(
  path: string,
  versions: { text: string; findings: Finding[]; model: unknown }[],
): number {
  let valid = 0;
  // Other folders, taking turns: the engine remembers each rule's last run of a file, and must
  // not serve the from-scratch side what it remembered of the incremental side, or of the
  // version before.
  const back = <T>(v: T): T =>
    JSON.parse(
      JSON.stringify(v).replace(/\/bulwark-incremental-scratch-[01]/g, '/bulwark-incremental-test'),
    ) as T;
  versions.forEach(({ text, findings, model }, k) => {
    const elsewhere = path.replace('/bulwark-incremental-test/', `/bulwark-incremental-scratch-${k % 2}/`);
    scratch.forget(elsewhere);
    const want = back(scratch.analyze(elsewhere, text));
    const wantModel = back(scratch.sources.terraform(elsewhere, text));
    assert.deepEqual(model, wantModel, `model after edit ${k}: ${JSON.stringify(text)}`);
    assert.deepEqual(canonical(findings), canonical(want.findings), `edit ${k}: ${JSON.stringify(text)}`);
    if (!want.findings.some((f) => f.ruleId === 'tf/syntax')) valid++;
  });
  return valid;
}

describe('incremental Terraform parse equals a fresh parse', () => {
  test('typing inside strings and names (no syntax errors: the block-reuse path)', () => {
    const { valid } = replay('/bulwark-incremental-test/typing.tf', 'strings', 21, 150);
    assert.equal(valid, 150);
  });

  test('values that turn findings on and off, the rest of the file unchanged (rule results reused)', () => {
    const { valid } = replay('/bulwark-incremental-test/toggles.tf', 'toggles', 29, 120);
    assert.equal(valid, 120);
  });

  test('random edits that break and restore the syntax, add and remove lines', () => {
    const pieces = ['a', ' ', '\n', '{', '}', '"', '=', '#', '${', '\n\n', 'x = 1\n', ''];
    const { valid } = replay('/bulwark-incremental-test/random.tf', pieces, 23, 250);
    assert.ok(valid > 10, `some versions parse cleanly (${valid})`);
  });

  test('comments and heredocs opened and closed inside blocks (a block alone may not parse alone)', () => {
    const pieces = ['/*', '*/', '#', '//', '<<EOT', 'EOT', '"', '${', '}', '{', 'a', ' ', '\n'];
    const { valid } = replay('/bulwark-incremental-test/comments.tf', pieces, 31, 250);
    assert.ok(valid > 10, `some versions parse cleanly (${valid})`);
  });

  test('CRLF line ends: characters typed between \\r and \\n, and lone \\r, are line breaks', () => {
    const crlf = TF.replace(/\n/g, '\r\n');
    const { valid } = replay(
      '/bulwark-incremental-test/crlf.tf',
      ['a', '\r', '\n', ' ', '"', 'x'],
      37,
      200,
      crlf,
    );
    assert.ok(valid > 10, `some versions parse cleanly (${valid})`);
  });

  test('rules see edits of what they evaluate: a variable default that disables a bucket', () => {
    const path = '/bulwark-incremental-test/evaluated.tf';
    const on = `variable "n" {\n  default = 1\n}\n\nresource "aws_s3_bucket" "b" {\n  count  = var.n\n  bucket = "b"\n}\n\nresource "aws_instance" "i" {\n  ami = "ami-1"\n}\n`;
    const off = on.replace('default = 1', 'default = 0');
    incremental.forget(path);
    const versions = [on, off, on, on.replace('ami-1', 'ami-2'), off].map((text) => ({
      text,
      findings: incremental.analyze(path, text).findings,
      model: incremental.sources.terraform(path, text),
    }));
    const s3 = (fs: Finding[]) => fs.filter((f) => f.ruleId.startsWith('tf/s3-')).length;
    assert.ok(s3(versions[0]!.findings) > 0, 'an enabled bucket without versioning is reported');
    assert.equal(s3(versions[1]!.findings), 0, 'count = 0 through the variable: nothing');
    assert.equal(s3(versions[4]!.findings), 0);
    assert.equal(compareWithScratch(path, versions), versions.length);
  });
});
