import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BROKEN_COMPOSE, BROKEN_K8S, CLEAN_K8S, parseJsonReport, runCli, tempTree, WARNING_K8S } from './run';
import { version } from '../../package.json';

describe('bulwark check: exit codes', () => {
  test('0 when nothing is found, with a summary naming the files checked', async () => {
    const t = tempTree({ 'a.yaml': CLEAN_K8S, 'sub/b.yml': CLEAN_K8S });
    try {
      const r = await runCli(['check'], t.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'No problems in 2 files checked\n');
      assert.equal(r.stderr, '');
    } finally {
      t.cleanup();
    }
  });

  test('1 when an error is found, 0 with --fail-on never', async () => {
    const t = tempTree({ 'bad.yaml': BROKEN_K8S });
    try {
      assert.equal((await runCli(['check', '.'], t.dir)).code, 1);
      assert.equal((await runCli(['check', '--fail-on', 'never'], t.dir)).code, 0);
      assert.equal((await runCli(['check', '--fail-on=warning'], t.dir)).code, 1);
    } finally {
      t.cleanup();
    }
  });

  const failOn: { level: string; code: number }[] = [
    { level: 'error', code: 0 },
    { level: 'warning', code: 1 },
    { level: 'info', code: 1 },
    { level: 'hint', code: 1 },
    { level: 'never', code: 0 },
  ];
  for (const { level, code } of failOn) {
    test(`--fail-on ${level} with only a warning exits ${code}`, async () => {
      const t = tempTree({ 'w.yaml': WARNING_K8S });
      try {
        const r = await runCli(['check', '--fail-on', level, '--format', 'json'], t.dir);
        assert.equal(r.code, code, r.stderr);
        const findings = parseJsonReport(r.stdout).findings;
        assert.ok(
          findings.some((f) => f.ruleId === 'k8s/syntax' && f.severity === 'warning' && f.line === 7),
        );
        assert.ok(findings.every((f) => f.severity !== 'error'));
      } finally {
        t.cleanup();
      }
    });
  }

  const usageErrors: { args: string[]; stderr: RegExp }[] = [
    { args: ['check', '--bogus'], stderr: /unknown option '--bogus'/ },
    { args: ['check', '--format', 'xml'], stderr: /unknown format 'xml'/ },
    { args: ['check', '--format'], stderr: /option '--format' needs a value/ },
    { args: ['check', '--fail-on', 'fatal'], stderr: /unknown fail-on 'fatal'/ },
    { args: ['check', 'does-not-exist'], stderr: /no such file or directory: does-not-exist/ },
    { args: ['check', '--no-color=yes'], stderr: /takes no value/ },
    { args: ['frobnicate'], stderr: /unknown command 'frobnicate'/ },
    { args: ['--frobnicate'], stderr: /unknown option '--frobnicate'/ },
    { args: [], stderr: /Usage: bulwark <command>/ },
  ];
  for (const { args, stderr } of usageErrors) {
    test(`2 on usage error: bulwark ${args.join(' ')}`, async () => {
      const t = tempTree({ 'bad.yaml': BROKEN_K8S });
      try {
        const r = await runCli(args, t.dir);
        assert.equal(r.code, 2);
        assert.match(r.stderr, stderr);
        assert.equal(r.stdout, '', 'nothing on stdout, so a redirected report is never half-written');
      } finally {
        t.cleanup();
      }
    });
  }

  test('a missing path is an error even next to an existing one, and nothing is checked', async () => {
    const t = tempTree({ 'bad.yaml': BROKEN_K8S });
    try {
      const r = await runCli(['check', 'bad.yaml', 'missing.yaml'], t.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /missing\.yaml/);
      assert.doesNotMatch(r.stdout, /k8s\/syntax/);
    } finally {
      t.cleanup();
    }
  });

  test('2 when the report cannot be written, after checking', async () => {
    const t = tempTree({ 'bad.yaml': BROKEN_K8S });
    try {
      const r = await runCli(['check', '--output', 'no/such/dir/report.json'], t.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot write no\/such\/dir\/report\.json/);
    } finally {
      t.cleanup();
    }
  });
});

describe('bulwark check: text output', () => {
  test('compiler-style lines, sorted, relative paths with forward slashes, then a summary', async () => {
    const t = tempTree({
      'z/compose.yaml': BROKEN_COMPOSE,
      'a/deep/er/bad.yaml': BROKEN_K8S,
      'a/ok.yaml': CLEAN_K8S,
      'w.yaml': WARNING_K8S,
    });
    try {
      const r = await runCli(['check'], t.dir);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      const summary = lines.pop() ?? '';
      const LINE = /^([^:]+):(\d+):(\d+) (error|warning|info|hint) (.+) \[([a-z0-9]+\/[a-z0-9-]+)\]$/;
      const parsed = lines.map((l) => {
        const m = LINE.exec(l);
        assert.ok(m, `not compiler-style: ${l}`);
        return { file: m[1] ?? '', line: Number(m[2]), col: Number(m[3]), severity: m[4] };
      });
      const sorted = [...parsed].sort((a, b) =>
        a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col,
      );
      assert.deepEqual(parsed, sorted);
      assert.ok(lines.includes('w.yaml:7:6 warning Unresolved tag: !custom [k8s/syntax]'));
      assert.ok(lines.some((l) => /^a\/deep\/er\/bad\.yaml:4:1 error .+ \[k8s\/syntax\]$/.test(l)));
      assert.ok(lines.some((l) => /^z\/compose\.yaml:\d+:\d+ error .+ \[compose\/syntax\]$/.test(l)));
      const count = (s: string) => parsed.filter((p) => p.severity === s).length;
      const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
      const hints = count('hint') ? `, ${n(count('hint'), 'hint')}` : '';
      assert.equal(
        summary,
        `${n(parsed.length, 'problem')} (${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}, ` +
          `${n(count('info'), 'info')}${hints}) in ${new Set(parsed.map((p) => p.file)).size} of 4 files checked`,
      );
      assert.ok(!r.stdout.includes('\u001b['), 'no colours when stdout is not a terminal');
    } finally {
      t.cleanup();
    }
  });

  test('paths are relative to the current folder, also for paths given from elsewhere', async () => {
    const t = tempTree({ 'proj/k8s/bad.yaml': BROKEN_K8S, 'proj/run/.keep': '' });
    try {
      const r = await runCli(['check', '../k8s'], `${t.dir}/proj/run`);
      assert.match(r.stdout, /^\.\.\/k8s\/bad\.yaml:4:1 error /);
      const abs = await runCli(['check', `${t.dir}/proj/k8s/bad.yaml`], `${t.dir}/proj`);
      assert.match(abs.stdout, /^k8s\/bad\.yaml:4:1 error /);
    } finally {
      t.cleanup();
    }
  });

  test('--quiet leaves out the summary', async () => {
    const t = tempTree({ 'bad.yaml': BROKEN_K8S });
    try {
      const r = await runCli(['check', '-q'], t.dir);
      assert.equal(r.code, 1);
      assert.equal(r.stdout.trimEnd().split('\n').length, 1);
      assert.match(r.stdout, /^bad\.yaml:4:1 error /);
    } finally {
      t.cleanup();
    }
  });

  test('--output writes the report to a file and nothing to stdout', async () => {
    const t = tempTree({ 'bad.yaml': BROKEN_K8S });
    try {
      const r = await runCli(['check', '-f', 'json', '-o', 'out/../report.json'], t.dir);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      const { readFileSync } = await import('node:fs');
      const report = parseJsonReport(readFileSync(`${t.dir}/report.json`, 'utf8'));
      assert.equal(report.findings[0]?.file, 'bad.yaml');
      const absolute = `${t.dir}/abs-report.json`;
      const a = await runCli(['check', '-f', 'json', '-o', absolute], t.dir);
      assert.equal(a.code, 1, a.stderr);
      assert.equal(parseJsonReport(readFileSync(absolute, 'utf8')).findings[0]?.file, 'bad.yaml');
    } finally {
      t.cleanup();
    }
  });
});

describe('bulwark check: walking', () => {
  test('skips .git, node_modules and .terraform, and files that are not .tf/.yaml/.yml', async () => {
    const t = tempTree({
      '.git/bad.yaml': BROKEN_K8S,
      'node_modules/pkg/bad.yaml': BROKEN_K8S,
      'infra/.terraform/modules/m/bad.yaml': BROKEN_K8S,
      'notes/bad.txt': BROKEN_K8S,
      'notes/bad.json': BROKEN_K8S,
      'deploy/ok.yaml': CLEAN_K8S,
    });
    try {
      const r = await runCli(['check'], t.dir);
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.stdout, 'No problems in 1 file checked\n');
    } finally {
      t.cleanup();
    }
  });

  test('a file named explicitly that the core classifies as other yields nothing', async () => {
    const t = tempTree({ 'manifest.txt': `# bulwark: kubernetes\n${BROKEN_K8S}` });
    try {
      const r = await runCli(['check', 'manifest.txt', '-f', 'json'], t.dir);
      // The core classifies by name first: a .txt file is "other", so nothing is reported.
      assert.equal(r.code, 0);
      assert.deepEqual(parseJsonReport(r.stdout).findings, []);
    } finally {
      t.cleanup();
    }
  });

  test('a file given twice, or inside a folder also given, is reported once', async () => {
    const t = tempTree({ 'k/bad.yaml': BROKEN_K8S });
    try {
      const r = await runCli(['check', 'k', 'k/bad.yaml', './k/bad.yaml', '-f', 'json'], t.dir);
      assert.equal(parseJsonReport(r.stdout).findings.length, 1);
    } finally {
      t.cleanup();
    }
  });

  test('binary and oversized files are skipped with a notice, not read as YAML', async () => {
    const big = `apiVersion: v1\nkind: ConfigMap\n#${'x'.repeat(9 * 1024 * 1024)}\n`;
    const t = tempTree({
      'bin.yaml': new Uint8Array([0x61, 0x3a, 0x00, 0xff, 0xfe, 0x00, 0x7b]),
      'huge.yaml': big,
      'ok.yaml': CLEAN_K8S,
    });
    try {
      const r = await runCli(['check'], t.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /bin\.yaml: skipped: binary content/);
      assert.match(r.stderr, /huge\.yaml: skipped: \d+ bytes is over the \d+-byte limit/);
      assert.match(r.stdout, /in 1 file checked\n$/);
      const quiet = await runCli(['check', '--quiet'], t.dir);
      assert.equal(quiet.stderr, '');
    } finally {
      t.cleanup();
    }
  });
});

describe('bulwark: help and version', () => {
  test('--version prints the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await runCli([flag], process.cwd());
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  test('--help lists the commands; check --help lists its options and exit codes', async () => {
    const main = await runCli(['--help'], process.cwd());
    assert.equal(main.code, 0);
    assert.match(main.stdout, /^Usage: bulwark <command>/);
    assert.match(main.stdout, /\n {2}check /);
    const check = await runCli(['check', '--help'], process.cwd());
    assert.equal(check.code, 0);
    for (const opt of ['--format text|json|sarif', '--fail-on', '--output FILE', '--no-color', '--quiet']) {
      assert.ok(check.stdout.includes(opt), opt);
    }
    assert.match(check.stdout, /Exit codes: 0 .*1 .*2 /);
  });
});
