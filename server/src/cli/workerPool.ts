import { Worker } from 'node:worker_threads';
import type { FolderResult } from './folderCheck';

/** Marks the worker threads the CLI starts, so its entry point knows which role it runs. */
export const CHECK_WORKER_KIND = 'bulwark-check-worker';

export interface CheckWorkerData {
  kind: typeof CHECK_WORKER_KIND;
  assetsDir: string;
  cwd: string;
}

/** Main thread -> worker. */
export type ToWorker = { type: 'folder'; index: number; files: string[] };

/** Worker -> main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'startFailed'; error: string }
  | { type: 'result'; index: number; result: FolderResult };

export interface PoolOptions {
  script: string;
  jobs: number;
  assetsDir: string;
  cwd: string;
}

export type PoolOutcome =
  { ok: true; results: FolderResult[] } | { ok: false; startError: string; results: FolderResult[] };

/**
 * Checks `groups` (whole folders) on `jobs` worker threads, one folder at a time per worker:
 * each works through its own run of neighbouring folders, then takes the last folders of the
 * longest run left. Results come back indexed by folder, so the caller sees them in walk order
 * however the work was spread. A worker that dies takes its folder with it as an internal error;
 * the remaining folders go to the others. An analyzer that cannot start (same assets for all
 * workers) fails the run as it does without workers.
 */
export function checkInWorkers(groups: readonly string[][], options: PoolOptions): Promise<PoolOutcome> {
  return new Promise((resolvePool) => {
    const results: (FolderResult | undefined)[] = new Array<FolderResult | undefined>(groups.length);
    const jobs = Math.max(1, Math.min(options.jobs, groups.length));
    const ranges = contiguousShares(groups, jobs);
    let pending = groups.length;
    let alive = 0;
    let startError: string | undefined;
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    const shareOf = new Map<Worker, Range>();

    const finish = () => {
      for (const w of workers) void w.terminate();
      const filled = results.map((r) => r ?? emptyResult());
      resolvePool(
        startError !== undefined ? { ok: false, startError, results: filled } : { ok: true, results: filled },
      );
    };
    const settle = (index: number, result: FolderResult) => {
      if (results[index] !== undefined) return;
      results[index] = result;
      pending--;
      if (pending === 0) finish();
    };
    const feed = (w: Worker) => {
      const index = takeNext(shareOf.get(w), ranges);
      if (index === undefined) {
        inFlight.delete(w);
        return;
      }
      inFlight.set(w, index);
      const message: ToWorker = { type: 'folder', index, files: groups[index] ?? [] };
      w.postMessage(message);
    };
    const lost = (w: Worker, why: string) => {
      const index = inFlight.get(w);
      inFlight.delete(w);
      alive--;
      if (index !== undefined) {
        settle(index, {
          findings: [],
          messages: [{ text: `bulwark: internal error: worker stopped: ${why}`, notice: false }],
          checked: 0,
          internalErrors: 1,
        });
      }
      if (alive === 0 && pending > 0) {
        // Nobody left to do the rest: report it rather than hang.
        startError ??= why;
        for (let i = 0; i < groups.length; i++) if (results[i] === undefined) settle(i, emptyResult());
      }
    };

    for (let i = 0; i < jobs; i++) {
      const data: CheckWorkerData = {
        kind: CHECK_WORKER_KIND,
        assetsDir: options.assetsDir,
        cwd: options.cwd,
      };
      const w = new Worker(options.script, { workerData: data });
      workers.push(w);
      const share = ranges[i];
      if (share) shareOf.set(w, share);
      alive++;
      let gone = false;
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') feed(w);
        else if (m.type === 'result') {
          settle(m.index, m.result);
          if (pending > 0) feed(w);
        } else {
          startError ??= m.error;
          gone = true;
          lost(w, m.error);
        }
      });
      w.on('error', (e) => {
        if (gone) return;
        gone = true;
        lost(w, e.message.split('\n')[0] ?? String(e));
      });
      w.on('exit', (code) => {
        if (gone || pending === 0) return;
        gone = true;
        lost(w, `exit code ${code}`);
      });
    }
  });
}

interface Range {
  lo: number;
  hi: number;
}

/**
 * Splits the folders into `jobs` runs of neighbouring folders with about as many files each.
 * Neighbouring folders tend to hold the same kinds of files, so each worker compiles the schemas
 * of fewer kinds than it would if the workers took turns along the whole walk.
 */
function contiguousShares(groups: readonly string[][], jobs: number): Range[] {
  const total = groups.reduce((n, g) => n + g.length, 0);
  const ranges: Range[] = [];
  let lo = 0;
  let seen = 0;
  for (let j = 0; j < jobs; j++) {
    const target = (total * (j + 1)) / jobs;
    let hi = lo;
    while (hi < groups.length && (seen < target || hi === lo) && groups.length - hi > jobs - j - 1) {
      seen += groups[hi]?.length ?? 0;
      hi++;
    }
    if (j === jobs - 1) hi = groups.length;
    ranges.push({ lo, hi });
    lo = hi;
  }
  return ranges;
}

/** The next folder from the worker's own run, or else the last one of the longest run left. */
function takeNext(own: Range | undefined, ranges: Range[]): number | undefined {
  if (own && own.lo < own.hi) return own.lo++;
  let longest: Range | undefined;
  for (const r of ranges) if (r.hi - r.lo > (longest ? longest.hi - longest.lo : 0)) longest = r;
  if (!longest) return undefined;
  return --longest.hi;
}

function emptyResult(): FolderResult {
  return { findings: [], messages: [], checked: 0, internalErrors: 0 };
}
