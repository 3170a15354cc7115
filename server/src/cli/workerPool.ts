import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import type { FolderCheckOptions, FolderResult } from './folderCheck';

/** Marks the worker threads the CLI starts, so its entry point knows which role it runs. */
export const CHECK_WORKER_KIND = 'bulwark-check-worker';

export interface CheckWorkerData {
  kind: typeof CHECK_WORKER_KIND;
  assetsDir: string;
  folder: FolderCheckOptions;
}

/** Main thread -> worker. */
export interface ToWorker {
  type: 'folder';
  index: number;
  files: string[];
  /** The folder's entries as the walk read them, so the worker need not list it again. */
  listing?: string[];
}

/** Worker -> main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'startFailed'; error: string }
  | { type: 'result'; index: number; result: FolderResult };

/** What the pool sends folders to: a worker thread, or this thread (`PoolOptions.inThread`). */
export interface FolderChecker {
  postMessage(m: ToWorker): void;
  terminate(): unknown;
}

export interface PoolOptions {
  script: string;
  jobs: number;
  assetsDir: string;
  folder: FolderCheckOptions;
  /**
   * Makes this thread the first of the `jobs` checkers (the others are worker threads); `emit`
   * takes its messages as a worker's. See ./inThreadChecker.ts.
   */
  inThread?: (emit: (m: FromWorker) => void) => FolderChecker;
}

export type PoolOutcome =
  { ok: true; results: FolderResult[] } | { ok: false; startError: string; results: FolderResult[] };

interface Slot {
  worker: FolderChecker;
  ready: boolean;
  gone: boolean;
  /** The folders sent to it and not answered yet, oldest (the one being checked) first. */
  inFlight: number[];
  /** Its own run of neighbouring folders. */
  share?: Range;
}

interface Run {
  groups: readonly string[][];
  listings: ReadonlyMap<string, string[]> | undefined;
  results: (FolderResult | undefined)[];
  pending: number;
  ranges: Range[];
  /** Folders queued on a worker that stopped before starting them. */
  orphans: number[];
  done: (outcome: PoolOutcome) => void;
}

/**
 * Files sent ahead to each checker: with one folder at a time, a worker idles for a round trip
 * through the main thread after every folder (650 of them in the benchmark's repository, most
 * of a single file). Two folders at least, however big: the main thread checks folders too, and
 * answers a worker only between two of its own (a 20-manifest folder is up to 0.1 s).
 */
const QUEUED_FILES = 8;

/**
 * The checkers of `bulwark check --jobs N` (worker threads, and optionally this thread as the
 * first of them, see `PoolOptions.inThread`), started before the folders are known, so that
 * their start-up (loading the bundle and the analyzer) overlaps the walk. `check` hands them the
 * folders, whole: each works through its own run of neighbouring folders, then takes the last
 * folders of the longest run left. Results come back indexed by folder, so the caller sees them
 * in walk order however the work was spread. A worker that dies takes its folder with it as an
 * internal error; the remaining folders go to the others. An analyzer that cannot start (same
 * assets for all workers) fails the run as it does without workers.
 */
export class CheckPool {
  private readonly slots: Slot[] = [];
  private alive = 0;
  private startError: string | undefined;
  private run: Run | undefined;
  private finished = false;

  private readonly data: CheckWorkerData;

  /** Starts `startNow` of the `jobs` workers (all by default); `check` starts the rest it needs. */
  constructor(
    private readonly options: PoolOptions,
    startNow = options.jobs,
  ) {
    this.data = { kind: CHECK_WORKER_KIND, assetsDir: options.assetsDir, folder: options.folder };
    for (let i = 0; i < Math.max(1, Math.min(options.jobs, startNow)); i++) this.spawn();
  }

  private spawn(): void {
    const inThread = this.slots.length === 0 ? this.options.inThread : undefined;
    const worker = inThread ? undefined : new Worker(this.options.script, { workerData: this.data });
    const onMessage = (m: FromWorker) => {
      if (m.type === 'ready') {
        slot.ready = true;
        if (this.run) this.feed(slot);
      } else if (m.type === 'result') {
        slot.inFlight = slot.inFlight.filter((i) => i !== m.index);
        this.settle(m.index, m.result);
        if (this.run && this.run.pending > 0) this.feed(slot);
      } else {
        this.startError ??= m.error;
        this.lost(slot, m.error);
      }
    };
    // The in-thread checker answers asynchronously, after `slot` is set.
    const slot: Slot = {
      worker: worker ?? (inThread as NonNullable<typeof inThread>)(onMessage),
      ready: false,
      gone: false,
      inFlight: [],
    };
    this.slots.push(slot);
    this.alive++;
    if (!worker) return;
    worker.on('message', onMessage);
    worker.on('error', (e) => this.lost(slot, e.message.split('\n')[0] ?? String(e)));
    worker.on('exit', (code) => this.lost(slot, `exit code ${code}`));
  }

  /** Checks `groups` (whole folders); `listings` are the walk's folder listings, passed along. */
  check(groups: readonly string[][], listings?: ReadonlyMap<string, string[]>): Promise<PoolOutcome> {
    return new Promise((done) => {
      const used = Math.max(1, Math.min(this.options.jobs, groups.length));
      while (this.slots.length < used) this.spawn();
      // More workers than folders: the extra ones are stopped before they cost more.
      for (const slot of this.slots.slice(used)) this.retire(slot);
      const ranges = contiguousShares(groups, used);
      this.slots.slice(0, used).forEach((slot, i) => (slot.share = ranges[i]));
      this.run = {
        groups,
        listings,
        results: new Array(groups.length),
        pending: groups.length,
        ranges,
        orphans: [],
        done,
      };
      if (groups.length === 0) return this.finish();
      if (this.alive === 0) return this.abandon(this.startError ?? 'no worker could start');
      for (const slot of this.slots) if (slot.ready && !slot.gone) this.feed(slot);
    });
  }

  /** Stops every worker (when the pool is not needed after all). */
  close(): void {
    this.finished = true;
    for (const slot of this.slots) this.retire(slot);
  }

  private retire(slot: Slot): void {
    if (slot.gone) return;
    slot.gone = true;
    this.alive--;
    void slot.worker.terminate();
  }

  /** Tops up the checker's queue: the next folders wait there while it checks one. */
  private feed(slot: Slot): void {
    const run = this.run;
    const queued = () => slot.inFlight.reduce((n, i) => n + (run?.groups[i]?.length ?? 0), 0);
    while (run && !slot.gone && (slot.inFlight.length < 2 || queued() < QUEUED_FILES)) {
      const index = run.orphans.pop() ?? takeNext(slot.share, run.ranges);
      if (index === undefined) return;
      slot.inFlight.push(index);
      const files = run.groups[index] ?? [];
      const message: ToWorker = { type: 'folder', index, files };
      const listing = run.listings?.get(dirname(files[0] ?? ''));
      if (listing) message.listing = listing;
      slot.worker.postMessage(message);
    }
  }

  private settle(index: number, result: FolderResult): void {
    const run = this.run;
    if (!run || run.results[index] !== undefined) return;
    run.results[index] = result;
    run.pending--;
    if (run.pending === 0) this.finish();
  }

  private lost(slot: Slot, why: string): void {
    if (slot.gone || this.finished) return;
    slot.gone = true;
    this.alive--;
    const [index, ...queued] = slot.inFlight;
    slot.inFlight = [];
    if (this.run) {
      // Folders it had not started go to the others.
      this.run.orphans.push(...queued);
      for (const other of this.slots) this.feed(other);
    }
    if (index !== undefined) {
      this.settle(index, {
        findings: [],
        messages: [{ text: `bulwark: internal error: worker stopped: ${why}`, notice: false }],
        checked: 0,
        internalErrors: 1,
      });
    }
    // Nobody left to do the rest: report it rather than hang.
    if (this.alive === 0 && this.run && this.run.pending > 0) this.abandon(why);
  }

  private abandon(why: string): void {
    this.startError ??= why;
    const run = this.run;
    if (!run) return;
    for (let i = 0; i < run.groups.length; i++)
      if (run.results[i] === undefined) this.settle(i, emptyResult());
  }

  private finish(): void {
    const run = this.run;
    if (!run || this.finished) return;
    this.close();
    const results = Array.from(run.results, (r) => r ?? emptyResult());
    const startError = this.startError;
    run.done(startError !== undefined ? { ok: false, startError, results } : { ok: true, results });
  }
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
