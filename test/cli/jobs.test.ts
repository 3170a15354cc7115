import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BROKEN_COMPOSE, BROKEN_K8S, parseJsonReport, ROOT, runCli, tempTree, WARNING_K8S } from './run';

const example = (rel: string) => readFileSync(join(ROOT, 'examples', rel), 'utf8');

/**
 * Several folders of each kind, so two workers each get some; Terraform modules whose files
 * refer to each other (a module split between workers would report undeclared references or
 * miss the duplicate), a binary file (a notice) and broken files.
 */
function mixedTree(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 6; i++) {
    files[`k8s/app-${i}/app.yaml`] = example('kubernetes/app.yaml');
    files[`k8s/app-${i}/worker.yaml`] = example('kubernetes/worker.yaml');
    files[`k8s/app-${i}/broken.yaml`] = i % 2 ? BROKEN_K8S : WARNING_K8S;
    files[`compose/stack-${i}/compose.yaml`] = i % 3 ? example('compose/compose.yaml') : BROKEN_COMPOSE;
    files[`infra/mod-${i}/main.tf`] = 'resource "aws_s3_bucket" "logs" {\n  bucket = var.name\n}\n';
    files[`infra/mod-${i}/variables.tf`] = 'variable "name" {\n  type = string\n}\n';
    files[`infra/mod-${i}/dup.tf`] =
      'variable "name" {}\noutput "id" {\n  value = aws_s3_bucket.logs.id\n}\n';
  }
  files['k8s/app-2/blob.yaml'] = new Uint8Array([0x61, 0x3a, 0x00, 0xff]);
  for (const rel of ['main.tf', 'outputs.tf', 'variables.tf', 'versions.tf']) {
    files[`infra/example/${rel}`] = example(`terraform/${rel}`);
  }
  return files;
}

describe('bulwark check --jobs', () => {
  test('one job and two jobs give byte-identical output, stderr and exit code', async () => {
    const t = tempTree(mixedTree());
    try {
      for (const format of ['json', 'sarif', 'text']) {
        const one = await runCli(['check', '--format', format, '--jobs', '1'], t.dir);
        const two = await runCli(['check', '--format', format, '--jobs=2'], t.dir);
        assert.equal(one.code, 1, one.stderr);
        assert.equal(two.code, one.code);
        assert.equal(two.stdout, one.stdout, `${format} output differs`);
        assert.equal(two.stderr, one.stderr);
      }
      const report = parseJsonReport((await runCli(['check', '--format', 'json', '-j', '2'], t.dir)).stdout);
      const tf = report.findings.filter((f) => f.file.startsWith('infra/mod-'));
      assert.equal(
        tf.filter((f) => f.ruleId === 'tf/undeclared-reference').length,
        0,
        'a module checked whole',
      );
      assert.equal(tf.filter((f) => f.ruleId === 'tf/duplicate-declaration').length > 0, true);
      assert.ok(report.findings.some((f) => f.file.startsWith('compose/') && f.ruleId === 'compose/syntax'));
      assert.ok(report.findings.some((f) => f.file.startsWith('k8s/') && f.ruleId === 'k8s/syntax'));
    } finally {
      t.cleanup();
    }
  });

  test('more jobs than folders, and the default, still check everything once', async () => {
    const t = tempTree({ 'a/bad.yaml': BROKEN_K8S, 'b/bad.yaml': BROKEN_K8S });
    try {
      for (const args of [['--jobs', '8'], []]) {
        const r = await runCli(['check', '--format', 'json', ...args], t.dir);
        assert.equal(r.code, 1, r.stderr);
        assert.deepEqual(
          parseJsonReport(r.stdout).findings.map((f) => f.file),
          ['a/bad.yaml', 'b/bad.yaml'],
        );
      }
    } finally {
      t.cleanup();
    }
  });

  test('one folder, or none, with workers started for the walk: same output as one job', async () => {
    const t = tempTree({
      'one/bad.yaml': BROKEN_K8S,
      'one/ok.yaml': WARNING_K8S,
      'empty/readme.md': '# x\n',
    });
    try {
      for (const path of ['one', 'empty']) {
        const one = await runCli(['check', path, '--format', 'json', '--jobs', '1'], t.dir);
        const two = await runCli(['check', path, '--format', 'json', '--jobs', '2'], t.dir);
        assert.equal(two.timedOut, false);
        assert.equal(two.code, one.code, two.stderr);
        assert.equal(two.stdout, one.stdout);
        assert.equal(two.stderr, one.stderr);
      }
      assert.equal(
        parseJsonReport((await runCli(['check', 'one', '--format', 'json', '-j', '2'], t.dir)).stdout)
          .findings.length > 0,
        true,
      );
    } finally {
      t.cleanup();
    }
  });

  test('a usage error found after the workers started still ends the run at once', async () => {
    const t = tempTree({ 'a/bad.yaml': BROKEN_K8S, 'b/bad.yaml': BROKEN_K8S });
    try {
      const r = await runCli(['check', '.', 'no-such-path', '--jobs', '2'], t.dir, { timeoutMs: 10_000 });
      assert.equal(r.timedOut, false, 'the workers were left running');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no such file or directory: no-such-path/);
    } finally {
      t.cleanup();
    }
  });

  for (const bad of ['0', '-1', 'two', '1.5']) {
    test(`--jobs ${bad} is a usage error`, async () => {
      const t = tempTree({ 'ok.yaml': BROKEN_K8S });
      try {
        const r = await runCli(['check', `--jobs=${bad}`], t.dir);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /--jobs needs a positive whole number/);
        assert.equal(r.stdout, '');
      } finally {
        t.cleanup();
      }
    });
  }
});
