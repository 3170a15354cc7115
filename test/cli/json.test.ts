import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BROKEN_COMPOSE, BROKEN_K8S, CLEAN_K8S, runCli, tempTree, WARNING_K8S } from './run';

const KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message'];

describe('bulwark check --format json', () => {
  test('exactly {version: 1, findings: [...]} with the documented keys, in order', async () => {
    const t = tempTree({ 'k8s/bad.yaml': BROKEN_K8S, 'w.yaml': WARNING_K8S, 'ok.yaml': CLEAN_K8S });
    try {
      const r = await runCli(['check', '--format', 'json'], t.dir);
      assert.equal(r.code, 1);
      const report = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(Object.keys(report), ['version', 'findings']);
      assert.equal(report.version, 1);
      const findings = report.findings as Record<string, unknown>[];
      assert.ok(findings.length >= 2);
      for (const f of findings) {
        assert.deepEqual(Object.keys(f), KEYS);
        for (const k of ['line', 'column', 'endLine', 'endColumn']) {
          assert.ok(Number.isInteger(f[k]) && (f[k] as number) >= 1, `${k} is a 1-based integer`);
        }
        assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity as string));
        assert.match(f.ruleId as string, /^(k8s|compose|tf)\/[a-z0-9-]+$/);
      }
      assert.deepEqual(
        findings.find((f) => f.file === 'w.yaml'),
        {
          file: 'w.yaml',
          line: 7,
          column: 6,
          endLine: 7,
          endColumn: 13,
          ruleId: 'k8s/syntax',
          severity: 'warning',
          message: 'Unresolved tag: !custom',
        },
      );
      const bad = findings.find((f) => f.file === 'k8s/bad.yaml');
      assert.equal(bad?.ruleId, 'k8s/syntax');
      assert.equal(bad?.severity, 'error');
      assert.equal(bad?.line, 4);
    } finally {
      t.cleanup();
    }
  });

  test('an empty run is {"version":1,"findings":[]} and exits 0', async () => {
    const t = tempTree({ 'ok.yaml': CLEAN_K8S });
    try {
      const r = await runCli(['check', '-f', 'json'], t.dir);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout), { version: 1, findings: [] });
    } finally {
      t.cleanup();
    }
  });

  test('columns count UTF-16 code units: a finding after an astral character', async () => {
    // `  a😀: ` is 7 UTF-16 code units (the emoji is a surrogate pair), so the tag is at column 8.
    const t = tempTree({ 'w.yaml': WARNING_K8S.replace('  a: !custom b', '  a😀: !custom b') });
    try {
      const r = await runCli(['check', '-f', 'json'], t.dir);
      const f = (JSON.parse(r.stdout) as { findings: { line: number; column: number }[] }).findings[0];
      assert.deepEqual([f?.line, f?.column], [7, 8]);
    } finally {
      t.cleanup();
    }
  });

  test('findings are sorted by file, then line, then column', async () => {
    const t = tempTree({
      'b/compose.yaml': BROKEN_COMPOSE,
      'a.yaml': BROKEN_K8S + 'x: !t 1\n',
      'a/z.yaml': BROKEN_K8S,
      'multi.yaml': `${WARNING_K8S}---\n${WARNING_K8S}---\n${BROKEN_K8S}`,
    });
    try {
      const r = await runCli(['check', '-f', 'json'], t.dir);
      const findings = (
        JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number }[] }
      ).findings;
      const keys = findings.map((f) => [f.file, f.line, f.column] as const);
      const sorted = [...keys].sort((x, y) =>
        x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2],
      );
      assert.deepEqual(keys, sorted);
      assert.deepEqual(
        [...new Set(keys.map((k) => k[0]))],
        ['a.yaml', 'a/z.yaml', 'b/compose.yaml', 'multi.yaml'],
      );
      assert.ok(findings.filter((f) => f.file === 'multi.yaml').length >= 3);
    } finally {
      t.cleanup();
    }
  });
});
