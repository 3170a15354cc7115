import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a batch run (`bulwark check`), set at start-up: a check is a few seconds of
 * code that runs once per file, and V8's defaults are tuned for pages and servers that run for
 * longer. `BULWARK_V8_TUNING=off` leaves V8's defaults (to measure the difference). Measured on
 * the benchmark's 2,000-file repository, 2 cores (docs/performance.md).
 */
const BATCH_FLAGS = [
  // Optimise a function after four times the default amount of interpreted work: with the
  // default, TurboFan compiled about 470 functions per thread, 1.0-1.4 s of background CPU
  // against 2.5 s of checking; this way 0.5-0.6 s, and the check itself runs no slower.
  '--interrupt-budget=262144',
];

/**
 * With worker threads, each thread's scavenges were split over V8's helper threads too: on a
 * machine whose cores are all busy checking, that is contention, not parallelism (wall time
 * 2.49 -> 2.36 s with it off). With one thread checking they use an idle core, so they stay.
 * V8 reads this flag at each scavenge; the flags that start background marking or sweeping
 * are read when a heap is set up and must not be changed afterwards (V8 aborts).
 */
const WORKER_FLAGS = ['--no-parallel-scavenge'];

export function tuneForBatchRun(env: NodeJS.ProcessEnv = process.env): string[] {
  return apply(BATCH_FLAGS, env);
}

/** Before worker threads start checking. */
export function tuneForWorkerThreads(env: NodeJS.ProcessEnv = process.env): string[] {
  return apply(WORKER_FLAGS, env);
}

function apply(flags: readonly string[], env: NodeJS.ProcessEnv): string[] {
  if (env.BULWARK_V8_TUNING === 'off') return [];
  for (const f of flags) setFlagsFromString(f);
  return [...flags];
}
