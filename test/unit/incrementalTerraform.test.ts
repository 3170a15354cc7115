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

function replay(path: string, pieces: string[] | 'strings', seed: number, steps: number): { valid: number } {
  const rnd = prng(seed);
  let text = TF;
  let valid = 0;
  incremental.forget(path);
  for (let k = 0; k < steps; k++) {
    if (pieces === 'strings') text = typeInString(rnd, text);
    // Broken syntax tends to stay broken: now and then go back to the valid file (a big edit).
    else text = rnd() < 0.15 ? TF : randomEdit(rnd, text, pieces);
    if (text.length > TF.length * 2) text = TF;
    const got = incremental.analyze(path, text);
    const gotModel = incremental.sources.terraform(path, text);
    scratch.forget(path);
    const want = scratch.analyze(path, text);
    const wantModel = scratch.sources.terraform(path, text);
    assert.deepEqual(gotModel, wantModel, `model after edit ${k}: ${JSON.stringify(text)}`);
    assert.deepEqual(canonical(got.findings), canonical(want.findings), `edit ${k}: ${JSON.stringify(text)}`);
    if (!want.findings.some((f) => f.ruleId === 'tf/syntax')) valid++;
  }
  return { valid };
}

describe('incremental Terraform parse equals a fresh parse', () => {
  test('typing inside strings and names (no syntax errors: the block-reuse path)', () => {
    const { valid } = replay('/bulwark-incremental-test/typing.tf', 'strings', 21, 150);
    assert.equal(valid, 150);
  });

  test('random edits that break and restore the syntax, add and remove lines', () => {
    const pieces = ['a', ' ', '\n', '{', '}', '"', '=', '#', '${', '\n\n', 'x = 1\n', ''];
    const { valid } = replay('/bulwark-incremental-test/random.tf', pieces, 23, 250);
    assert.ok(valid > 10, `some versions parse cleanly (${valid})`);
  });
});
