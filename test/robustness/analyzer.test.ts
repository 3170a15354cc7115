import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../cli/run';

/** The whole corpus must go through the Analyzer within this bound (a hang fails, naming its case). */
const BOUND_MS = 45_000;
/** No single input may take longer than this. */
const PER_CASE_MS = 5_000;

test('the Analyzer survives the robustness corpus: no throw, no hang, usable ranges', async () => {
  const { stdout, timedOut, stderr } = await new Promise<{
    stdout: string;
    stderr: string;
    timedOut: boolean;
  }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'analyzeCorpus.ts')],
      { cwd: ROOT, timeout: BOUND_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, out, err) =>
        resolve({
          stdout: out,
          stderr: err,
          timedOut: (error as { killed?: boolean } | null)?.killed === true,
        }),
    );
  });
  const lines = stdout.split('\n').filter(Boolean);
  const started = new Set<string>();
  const failures: string[] = [];
  const slow: string[] = [];
  let done = 0;
  for (const line of lines) {
    const [tag, name = '', a = '', b] = line.split('\t');
    if (tag === 'start') started.add(name);
    else if (tag === 'fail') {
      started.delete(name);
      failures.push(`${name}: ${a}`);
    } else if (tag === 'done') {
      started.delete(name);
      done++;
      if (Number(a) > PER_CASE_MS) slow.push(`${name}: ${a} ms`);
      void b;
    }
  }
  assert.ok(!timedOut, `timed out after ${BOUND_MS} ms; unfinished: ${[...started].join(', ')}`);
  assert.deepEqual(started.size, 0, `crashed inside: ${[...started].join(', ')}\n${stderr.slice(0, 2000)}`);
  assert.equal(lines.at(-1), 'end', stderr.slice(0, 2000));
  assert.deepEqual(failures, []);
  assert.deepEqual(slow, []);
  assert.ok(done > 500, `only ${done} cases ran`);
});
