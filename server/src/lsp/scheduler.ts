export type Priority = 'open' | 'background';

interface Job {
  run: () => unknown;
  done: (() => void)[];
}

/**
 * One analysis at a time, open documents before background files, with a turn of the event
 * loop (`setImmediate`) between jobs so requests and notifications are never kept waiting for
 * more than one file. Jobs are keyed: queuing a key already waiting replaces its work (the
 * superseded job never runs), which is how an edit cancels the analysis of the version before it.
 */
export class Scheduler {
  private readonly queues: Record<Priority, Map<string, Job>> = { open: new Map(), background: new Map() };
  private busy = false;
  private disposed = false;

  constructor(private readonly onError: (key: string, e: unknown) => void) {}

  /** Queues work under a key; resolves when it (or the work that replaced it) has run or was cancelled. */
  enqueue(priority: Priority, key: string, run: () => unknown): Promise<void> {
    return new Promise((resolve) => {
      if (this.disposed) return resolve();
      const queue = this.queues[priority];
      const previous = queue.get(key);
      queue.set(key, { run, done: [...(previous?.done ?? []), resolve] });
      this.wake();
    });
  }

  /** Drops queued work for a key (both priorities); a job already running finishes on its own. */
  cancel(key: string): void {
    for (const q of Object.values(this.queues)) {
      const job = q.get(key);
      if (!job) continue;
      q.delete(key);
      for (const d of job.done) d();
    }
  }

  get pending(): number {
    return this.queues.open.size + this.queues.background.size;
  }

  dispose(): void {
    this.disposed = true;
    for (const q of Object.values(this.queues)) for (const key of [...q.keys()]) this.cancel(key);
  }

  private wake(): void {
    if (this.busy || this.disposed) return;
    this.busy = true;
    setImmediate(() => void this.next());
  }

  private async next(): Promise<void> {
    const entry = first(this.queues.open) ?? first(this.queues.background);
    if (!entry || this.disposed) {
      this.busy = false;
      return;
    }
    const [key, job, queue] = entry;
    queue.delete(key);
    try {
      await job.run();
    } catch (e) {
      this.onError(key, e);
    } finally {
      for (const d of job.done) d();
    }
    setImmediate(() => void this.next());
  }
}

function first(q: Map<string, Job>): [string, Job, Map<string, Job>] | undefined {
  for (const [k, j] of q) return [k, j, q];
  return undefined;
}
