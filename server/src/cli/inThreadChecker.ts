import { createCheckAnalyzer, type CheckAnalyzer } from './checkAnalyzer';
import { checkAssigned } from './checkWorker';
import { errorText, type FolderCheckOptions } from './folderCheck';
import type { FolderChecker, FromWorker, ToWorker } from './workerPool';

/**
 * The main thread as one of the pool's checkers: it has the bundle loaded already, and would
 * otherwise wait for the workers, so with N jobs it checks beside N - 1 workers (one worker
 * start-up less: about 0.12 s of CPU on the benchmark's machine). It speaks the workers'
 * protocol, and checks one folder per turn of the event loop, so that the workers' messages are
 * answered between folders.
 */
export class InThreadChecker implements FolderChecker {
  private readonly queue: ToWorker[] = [];
  private checker: CheckAnalyzer | undefined;
  private scheduled = false;
  private stopped = false;

  constructor(
    assetsDir: string,
    private readonly folder: FolderCheckOptions,
    private readonly emit: (m: FromWorker) => void,
  ) {
    createCheckAnalyzer(assetsDir).then(
      (c) => {
        this.checker = c;
        if (!this.stopped) emit({ type: 'ready' });
      },
      (e: unknown) => {
        if (!this.stopped) emit({ type: 'startFailed', error: errorText(e) });
      },
    );
  }

  postMessage(m: ToWorker): void {
    this.queue.push(m);
    this.schedule();
  }

  terminate(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const m = this.queue.shift();
      if (!m || !this.checker || this.stopped) return;
      this.emit({ type: 'result', index: m.index, result: checkAssigned(this.checker, m, this.folder) });
      if (this.queue.length > 0) this.schedule();
    });
  }
}
