import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, test } from 'node:test';
import { parseJsonReport, runCli, tempTree } from '../cli/run';
import { buildCorpus } from './corpus';

/** One CLI run over the whole corpus must finish within this. */
const BOUND_MS = 45_000;
/** A run over one file must finish within this. */
const PER_RUN_MS = 15_000;
/** The families run one file per process: the ones most likely to hang or blow a stack. */
const EXTREME = /^(deep-|long-line-|alias-bomb|self-merge|many-|utf16|random-bytes|only-|surrogates|tf-)/;

describe('the CLI survives the robustness corpus', () => {
  const corpus = buildCorpus();

  test('one run over every case: exit 0 or 1, no internal error, valid JSON within bounds', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const c of corpus) files[`${c.name}/${c.fileName}`] = c.bytes;
    const t = tempTree(files);
    try {
      const r = await runCli(['check', '--format', 'json', '--fail-on', 'never'], t.dir, {
        timeoutMs: BOUND_MS,
      });
      assert.ok(!r.timedOut, `no result within ${BOUND_MS} ms`);
      assert.equal(r.code, 0, r.stderr.slice(0, 2000));
      assert.doesNotMatch(r.stderr, /internal error|cannot read/);
      const report = parseJsonReport(r.stdout);
      const names = new Set(corpus.map((c) => c.name));
      for (const f of report.findings) {
        assert.ok(names.has(f.file.split('/')[0] ?? ''), `finding for an unknown file ${f.file}`);
        assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line, JSON.stringify(f));
      }
    } finally {
      t.cleanup();
    }
  });

  test('one SARIF run over every case: exit 0 or 1, a 2.1.0 log', async () => {
    const t = tempTree(Object.fromEntries(corpus.map((c) => [`${c.name}/${c.fileName}`, c.bytes])));
    try {
      const r = await runCli(['check', '--format', 'sarif'], t.dir, { timeoutMs: BOUND_MS });
      assert.ok(!r.timedOut && (r.code === 0 || r.code === 1), `exit ${r.code}: ${r.stderr.slice(0, 2000)}`);
      assert.equal((JSON.parse(r.stdout) as { version: string }).version, '2.1.0');
    } finally {
      t.cleanup();
    }
  });

  test('each extreme input on its own, as text: exit 0 or 1 only', async () => {
    // One case per family (the name without its trailing number or example file).
    const families = new Map<string, (typeof corpus)[number]>();
    for (const c of corpus) {
      const family = c.name.replace(/-\d+$/, '').replace(/-examples-.*$/, '');
      if (!families.has(family)) families.set(family, c);
    }
    const cases = [...families.values()].filter((c) => EXTREME.test(c.name));
    const t = tempTree(Object.fromEntries(cases.map((c) => [`${c.name}/${c.fileName}`, c.bytes])));
    try {
      const bad: string[] = [];
      // A few processes at a time: a bound per run means nothing on an overloaded machine.
      const queue = [...cases];
      const worker = async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const run = await runCli(['check', `${c.name}/${c.fileName}`], t.dir, { timeoutMs: PER_RUN_MS });
          if (run.timedOut || (run.code !== 0 && run.code !== 1) || /internal error/.test(run.stderr)) {
            bad.push(
              `${c.name}: exit ${run.code}${run.timedOut ? ' (timed out)' : ''} ${run.stderr.slice(0, 300)}`,
            );
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, worker));
      assert.deepEqual(bad, []);
      assert.ok(cases.length >= 12, `${cases.length} families`);
    } finally {
      t.cleanup();
    }
  });
});
