import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  CheckPool,
  type FolderChecker,
  type FromWorker,
  type ToWorker,
} from '../../server/src/cli/workerPool';
import { tempTree } from './run';

/**
 * A stand-in for the check worker, speaking the pool's protocol: `assetsDir` says how it
 * behaves. It answers each folder with the folder's files as its message, and exits on a
 * folder holding a file named `die`.
 */
const FAKE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.assetsDir === 'fail') {
  parentPort.postMessage({ type: 'startFailed', error: 'cannot load' });
} else {
  parentPort.on('message', (m) => {
    if (m.files.some((f) => f.endsWith('/die'))) process.exit(3);
    const text = m.files.join(',') + (m.listing ? ' [' + m.listing.join(',') + ']' : '');
    parentPort.postMessage({
      type: 'result',
      index: m.index,
      result: { findings: [], messages: [{ text, notice: false }], checked: m.files.length, internalErrors: 0 },
    });
  });
  parentPort.postMessage({ type: 'ready' });
}
`;

function withScript(run: (script: string) => Promise<void>): Promise<void> {
  const t = tempTree({ 'worker.js': FAKE_WORKER });
  return run(join(t.dir, 'worker.js')).finally(t.cleanup);
}

const folder = { cwd: '/', lineTexts: false };
const groups = (names: string[][]) => names.map((files) => files.map((f) => `/r/${f}`));

describe('the worker pool of bulwark check', { timeout: 20_000 }, () => {
  test('every folder is checked once and results come back in walk order', () =>
    withScript(async (script) => {
      const folders = groups(
        Array.from({ length: 40 }, (_, i) => [`f${i}/a`, ...(i % 3 ? [] : [`f${i}/b`])]),
      );
      const pool = new CheckPool({ script, jobs: 3, assetsDir: 'ok', folder });
      const out = await pool.check(folders, new Map([['/r/f0', ['a', 'b', 'x.txt']]]));
      assert.equal(out.ok, true);
      assert.deepEqual(
        out.results.map((r) => r.messages[0]?.text),
        folders.map((g, i) => g.join(',') + (i === 0 ? ' [a,b,x.txt]' : '')),
      );
    }));

  test('workers started later, once the folders are known, take part too', () =>
    withScript(async (script) => {
      const folders = groups(
        Array.from({ length: 6 }, (_, i) => Array.from({ length: 8 }, (__, j) => `f${i}/${j}`)),
      );
      const pool = new CheckPool({ script, jobs: 3, assetsDir: 'ok', folder }, 1);
      const out = await pool.check(folders);
      assert.equal(out.ok, true);
      assert.deepEqual(
        out.results.map((r) => r.checked),
        [8, 8, 8, 8, 8, 8],
      );
    }));

  test('a worker that dies reports its folder; the folders queued on it go to the others', () =>
    withScript(async (script) => {
      // Single-file folders: several are queued on each worker at once.
      const names = Array.from({ length: 30 }, (_, i) => [i === 3 ? 'f3/die' : `f${i}/a`]);
      const pool = new CheckPool({ script, jobs: 2, assetsDir: 'ok', folder });
      const out = await pool.check(groups(names));
      assert.equal(out.ok, true);
      out.results.forEach((r, i) => {
        if (i === 3) {
          assert.deepEqual(r.messages, [
            { text: 'bulwark: internal error: worker stopped: exit code 3', notice: false },
          ]);
          assert.equal(r.internalErrors, 1);
        } else assert.deepEqual(r.messages, [{ text: `/r/f${i}/a`, notice: false }], `folder ${i}`);
      });
    }));

  test('when every worker is gone, the rest is reported rather than waited for', () =>
    withScript(async (script) => {
      const pool = new CheckPool({ script, jobs: 1, assetsDir: 'ok', folder });
      const out = await pool.check(groups([['a/x'], ['b/die'], ['c/x'], ['d/x']]));
      assert.equal(out.ok, false);
      assert.equal(out.ok ? '' : out.startError, 'exit code 3');
      assert.deepEqual(
        out.results.map((r) => r.checked),
        [1, 0, 0, 0],
      );
    }));

  test('this thread checks beside the workers when asked to, and the results are the same', () =>
    withScript(async (script) => {
      const folders = groups(
        Array.from({ length: 40 }, (_, i) => [`f${i}/a`, ...(i % 3 ? [] : [`f${i}/b`])]),
      );
      const here: number[] = [];
      const inThread = (emit: (m: FromWorker) => void): FolderChecker => {
        setImmediate(() => emit({ type: 'ready' }));
        return {
          postMessage: (m: ToWorker) =>
            setImmediate(() => {
              here.push(m.index);
              const text = m.files.join(',');
              emit({
                type: 'result',
                index: m.index,
                result: {
                  findings: [],
                  messages: [{ text, notice: false }],
                  checked: m.files.length,
                  internalErrors: 0,
                },
              });
            }),
          terminate: () => undefined,
        };
      };
      const out = await new CheckPool({ script, jobs: 2, assetsDir: 'ok', folder, inThread }).check(folders);
      assert.equal(out.ok, true);
      assert.deepEqual(
        out.results.map((r) => r.messages[0]?.text),
        folders.map((g) => g.join(',')),
      );
      // This thread starts on the first share of the folders (the worker on the second, and
      // either takes the other's last folders once its own are done).
      assert.equal(here[0], 0);
      const failing = (emit: (m: FromWorker) => void): FolderChecker => {
        setImmediate(() => emit({ type: 'startFailed', error: 'no analyzer here' }));
        return { postMessage: () => undefined, terminate: () => undefined };
      };
      const failed = await new CheckPool({
        script,
        jobs: 2,
        assetsDir: 'ok',
        folder,
        inThread: failing,
      }).check(folders);
      assert.equal(failed.ok ? '' : failed.startError, 'no analyzer here');
    }));

  test('an analyzer that cannot start fails the run', () =>
    withScript(async (script) => {
      const pool = new CheckPool({ script, jobs: 2, assetsDir: 'fail', folder });
      const out = await pool.check(groups([['a/x'], ['b/x']]));
      assert.deepEqual(out.ok ? '' : out.startError, 'cannot load');
    }));

  test('more workers than folders, no folders, or closed unused: nothing left running', () =>
    withScript(async (script) => {
      const one = await new CheckPool({ script, jobs: 4, assetsDir: 'ok', folder }).check(groups([['a/x']]));
      assert.deepEqual(
        one.results.map((r) => r.messages[0]?.text),
        ['/r/a/x'],
      );
      const none = await new CheckPool({ script, jobs: 2, assetsDir: 'ok', folder }).check([]);
      assert.deepEqual(none, { ok: true, results: [] });
      new CheckPool({ script, jobs: 2, assetsDir: 'ok', folder }).close();
      // The test process would not end (and the suite would time out) with a worker still alive.
    }));
});
