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
  pieces: string[] | 'strings' | 'toggles' | ((rnd: () => number, text: string) => string),
  seed: number,
  steps: number,
  base = TF,
): { valid: number; versions: { text: string; findings: Finding[] }[] } {
  const rnd = prng(seed);
  let text = base;
  incremental.forget(path);
  const versions: { text: string; findings: Finding[]; model: unknown }[] = [];
  for (let k = 0; k < steps; k++) {
    if (pieces === 'strings') text = typeInString(rnd, text);
    else if (pieces === 'toggles') text = toggleValue(rnd, text);
    else if (typeof pieces === 'function') text = pieces(rnd, text);
    // Broken syntax tends to stay broken: now and then go back to the valid file (a big edit).
    else text = rnd() < 0.15 ? base : randomEdit(rnd, text, pieces);
    if (text.length > base.length * 2) text = base;
    const got = incremental.analyze(path, text);
    versions.push({ text, findings: got.findings, model: incremental.sources.terraform(path, text) });
  }
  return { valid: compareWithScratch(path, versions), versions };
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

  test('two blocks on one line: typing in the first moves the second', () => {
    const base = `resource "aws_instance" "i" { ami = "a" } resource "aws_s3_bucket" "d" {}\n\nresource "aws_s3_bucket" "e" {\n  bucket = "x"\n}\n`;
    const { valid } = replay('/bulwark-incremental-test/oneline.tf', 'strings', 43, 30, base);
    assert.equal(valid, 30);
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

/**
 * S3 buckets and their companions (versioning, encryption, public access block, ACL), linked by
 * address, by static name (through a variable too), through `for_each`/`each`, and inline: the
 * rules that relate a bucket to its companions reuse each bucket's findings while the bucket and
 * its companions are unchanged, and the companion index while the companions are.
 */
const S3 = `variable "prefix" {
  default = "acme"
}

variable "n" {
  default = 1
}

variable "external" {
  type = string
}

resource "aws_s3_bucket" "logs" {
  bucket = "\${var.prefix}-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "data-bucket"
  acl    = "private"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = "data-bucket"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "named" {
  bucket = "acme-logs"
  versioning_configuration {
    status = "Suspended"
  }
}

# slot-companion
resource "aws_s3_bucket" "many" {
  count  = var.n
  bucket = "many"
}

resource "aws_s3_bucket" "inline" {
  bucket = "inline"
  versioning {
    enabled = false
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket_versioning" "each" {
  for_each = { a = aws_s3_bucket.inline.id }
  bucket   = each.value
  versioning_configuration {
    status = "Enabled"
  }
}

# slot-bucket
resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "private"
}
# slot-unresolved
# slot-account
`;

/** Pairs of texts swapped one for the other (the second, when present, goes back to the first). */
const S3_TOGGLES: [string, string][] = [
  // Renaming a bucket: its address-linked companions no longer point at it.
  ['"aws_s3_bucket" "logs" {', '"aws_s3_bucket" "logz" {'],
  // A companion moved to another bucket.
  ['bucket = aws_s3_bucket.logs.id', 'bucket = aws_s3_bucket.data.id'],
  // Static names: the companion's, the bucket's, and the variable the bucket's name uses.
  ['bucket = "acme-logs"', 'bucket = "acme-logz"'],
  ['bucket = "data-bucket"\n  rule', 'bucket = "data-bucketz"\n  rule'],
  ['bucket = "data-bucket"\n  acl', 'bucket = "data-bucket2"\n  acl'],
  ['default = "acme"', 'default = "acne"'],
  // count = 0 through a variable: the bucket is not judged.
  ['default = 1', 'default = 0'],
  ['a = aws_s3_bucket.inline.id', 'a = aws_s3_bucket.many.id'],
  ['status = "Enabled"', 'status = "Suspended"'],
  ['acl    = "private"', 'acl    = "public-read"'],
  ['enabled = false', 'enabled = true'],
  ['ignore_public_acls      = true', 'ignore_public_acls      = false'],
  // Companions and buckets added and removed.
  [
    '# slot-companion\n',
    '# slot-companion\nresource "aws_s3_bucket_public_access_block" "logs" {\n  bucket = aws_s3_bucket.logs.id\n}\n\n',
  ],
  ['# slot-bucket\n', '# slot-bucket\nresource "aws_s3_bucket" "extra" {\n  bucket = "extra"\n}\n\n'],
  [
    '\nresource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    '\n',
  ],
  // A companion whose bucket cannot be resolved, and an account-wide public access block.
  [
    '# slot-unresolved\n',
    '# slot-unresolved\nresource "aws_s3_bucket_server_side_encryption_configuration" "ext" {\n  bucket = var.external\n}\n',
  ],
  [
    '# slot-account\n',
    '# slot-account\nresource "aws_s3_account_public_access_block" "all" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
  ],
];

function s3Edit(rnd: () => number, text: string): string {
  if (rnd() < 0.4) return typeInString(rnd, text);
  const [a, b] = S3_TOGGLES[Math.floor(rnd() * S3_TOGGLES.length)]!;
  if (text.includes(b)) return text.replace(b, a);
  return text.includes(a) ? text.replace(a, b) : typeInString(rnd, text);
}

describe('incremental Terraform rules: buckets related to their companions', () => {
  test('edits in buckets and companions, companions added, removed and relinked, buckets renamed', () => {
    const { valid, versions } = replay('/bulwark-incremental-test/s3.tf', s3Edit, 41, 220, S3);
    assert.equal(valid, 220);
    // The edits do move the companion rules' findings (or this test would prove nothing).
    const counts = new Set(
      versions.map((v) =>
        v.findings
          .filter((f) => /^tf\/s3-bucket-(no-versioning|no-encryption|public-access-block)$/.test(f.ruleId))
          .map((f) => `${f.ruleId}:${f.range.start.line}`)
          .join(),
      ),
    );
    assert.ok(counts.size > 20, `companion findings vary (${counts.size} distinct sets)`);
  });

  test('a big module (its first check already remembers each bucket): the same edits', () => {
    const filler = Array.from(
      { length: 160 },
      (_, i) =>
        `resource "aws_s3_bucket" "f${i}" {\n  bucket = "f${i}"\n}\n\nresource "aws_s3_bucket_versioning" "f${i}" {\n  bucket = aws_s3_bucket.f${i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
    ).join('\n');
    const { valid } = replay('/bulwark-incremental-test/s3big.tf', s3Edit, 47, 40, `${S3}\n${filler}`);
    assert.equal(valid, 40);
  });

  test('a variable read only by a bucket name that links it to its companion by name', () => {
    const path = '/bulwark-incremental-test/named.tf';
    const on = `variable "p" {\n  default = "acme"\n}\n\nresource "aws_s3_bucket" "x" {\n  bucket = "\${var.p}-x"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "x" {\n  bucket = "acme-x"\n}\n`;
    const off = on.replace('default = "acme"', 'default = "acne"');
    incremental.forget(path);
    const versions = [on, off, on, off].map((text) => ({
      text,
      findings: incremental.analyze(path, text).findings,
      model: incremental.sources.terraform(path, text),
    }));
    const enc = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'tf/s3-bucket-no-encryption').length;
    assert.deepEqual(
      versions.map((v) => enc(v.findings)),
      [0, 1, 0, 1],
    );
    assert.equal(compareWithScratch(path, versions), versions.length);
  });

  test('checking a sibling file between two keystrokes keeps the reuse of the edited file', async () => {
    const dir = '/bulwark-incremental-test/siblings';
    const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}-bucket"\n}\n`;
    const sibling = `${dir}/other.tf`;
    const edited = `${dir}/main.tf`;
    const own = await Analyzer.create(diskHost({ [sibling]: bucket('z') }), { assetsDir: ASSETS });
    const v0 = [bucket('a'), bucket('c')].join('\n');
    own.analyze(edited, v0);
    const v1 = own.analyze(edited, v0.replace('"a-bucket"', '"aa-bucket"')).findings;
    // The server re-checks the other files of the module after an edit.
    assert.ok(own.analyze(sibling, bucket('z')).findings.some((f) => f.message.includes('"z"')));
    const v2 = own.analyze(edited, v0.replace('"a-bucket"', '"ax-bucket"')).findings;
    const c = (fs: Finding[]) =>
      fs.find((f) => f.ruleId === 'tf/s3-bucket-no-encryption' && f.message.includes('"c"'));
    assert.ok(c(v1));
    assert.equal(c(v2), c(v1), "bucket c's finding reused across the sibling's check");
  });

  test('a keystroke in one bucket keeps the other buckets findings (reused, not recomputed)', () => {
    const path = '/bulwark-incremental-test/reuse.tf';
    const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}-bucket"\n}\n`;
    // The first check of a file (the CLI's only one) keeps no per-bucket results: the first edit
    // records them, the next ones reuse them.
    const v0 = [bucket('a'), bucket('b'), bucket('c')].join('\n');
    const v1 = v0.replace('"a-bucket"', '"aa-bucket"');
    const v2 = v0.replace('"a-bucket"', '"ax-bucket"');
    const v3 = `${v2}\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`;
    const v4 = v3.replace('status = "Enabled"', 'status = "Enabled2"');
    incremental.forget(path);
    const texts = [v1, v2, v3, v4];
    incremental.analyze(path, v0);
    const runs = texts.map((text) => incremental.analyze(path, text).findings);
    assertOnlyAChecked(runs, [
      's3-bucket-no-encryption',
      's3-bucket-public-access-block',
      's3-bucket-no-versioning',
    ]);
    // A companion added for b: b is checked again, c keeps its finding.
    assert.equal(find(runs[2]!, 's3-bucket-no-versioning', 'b'), undefined);
    assert.equal(
      find(runs[2]!, 's3-bucket-no-versioning', 'c'),
      find(runs[1]!, 's3-bucket-no-versioning', 'c'),
    );
    // The companion edited: nothing of the buckets changes, and c's finding is still the same.
    assert.equal(
      find(runs[3]!, 's3-bucket-no-versioning', 'c'),
      find(runs[0]!, 's3-bucket-no-versioning', 'c'),
    );
    assert.equal(
      compareWithScratch(
        path,
        texts.map((text, k) => ({
          text,
          findings: runs[k]!,
          model: incremental.sources.terraform(path, text),
        })),
      ),
      4,
    );
  });

  test('a keystroke in one instance keeps the other instances findings; a fixed instance loses its own', () => {
    const path = '/bulwark-incremental-test/instances.tf';
    const instance = (name: string, extra = '') =>
      `resource "aws_instance" "${name}" {\n  ami = "ami-1"\n  root_block_device {\n    volume_size = 8\n  }\n${extra}}\n`;
    const v0 = [instance('a'), instance('b'), instance('c')].join('\n');
    const v1 = v0.replace('"ami-1"', '"ami-2"');
    const v2 = v0.replace('"ami-1"', '"ami-3"');
    const v3 = v2.replace(
      instance('b'),
      instance('b', '  metadata_options {\n    http_tokens = "required"\n  }\n'),
    );
    incremental.forget(path);
    const texts = [v1, v2, v3];
    incremental.analyze(path, v0);
    const runs = texts.map((text) => incremental.analyze(path, text).findings);
    assertOnlyAChecked(runs, ['ec2-imdsv1-enabled', 'ec2-block-device-unencrypted']);
    assert.ok(find(runs[1]!, 'ec2-imdsv1-enabled', 'b'));
    assert.equal(find(runs[2]!, 'ec2-imdsv1-enabled', 'b'), undefined, 'b requires tokens now');
    assert.equal(
      compareWithScratch(
        path,
        texts.map((text, k) => ({
          text,
          findings: runs[k]!,
          model: incremental.sources.terraform(path, text),
        })),
      ),
      3,
    );
  });
});

/** The finding of `rule` on the block named `name` (by its quoted name in the message). */
function find(fs: Finding[], rule: string, name: string): Finding | undefined {
  return fs.find((f) => f.ruleId === `tf/${rule}` && f.message.includes(`"${name}"`));
}

/** After an edit of block a (runs[0] to runs[1]), each rule reports c with the very same finding, a with a new one. */
function assertOnlyAChecked(runs: Finding[][], rules: string[]): void {
  for (const rule of rules) {
    assert.ok(find(runs[0]!, rule, 'c'), `${rule} reports c`);
    assert.equal(
      find(runs[1]!, rule, 'c'),
      find(runs[0]!, rule, 'c'),
      `${rule}: c untouched by an edit of a`,
    );
    assert.notEqual(find(runs[1]!, rule, 'a'), find(runs[0]!, rule, 'a'), `${rule}: a checked again`);
  }
}
