import { setFlagsFromString } from 'node:v8';

/**
 * On a machine with a few GiB of memory V8 lets the old generation grow to up to 4x what
 * survived the last full collection before collecting again. Each keystroke in a big file leaves
 * a flat copy of its text behind (5 MiB on a 5 MiB manifest, promoted because it lives through
 * the analysis), so 40 keystrokes took the server from about 70 MB live to 410-500 MB resident.
 * Growing by at most 2.5x keeps the peak near 300 MB at no measurable cost in keystroke latency
 * (docs/performance.md). V8 reads this flag each time it sizes the heap, so it can be set after
 * start-up; `BULWARK_HEAP_GROWING_PERCENT` overrides it (0 restores V8's own sizing).
 */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BULWARK_HEAP_GROWING_PERCENT;
  const percent = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : 150;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
