import type { MessagePort } from 'node:worker_threads';
import { createCheckAnalyzer } from './checkAnalyzer';
import { checkFolder, errorText } from './folderCheck';
import type { CheckWorkerData, FromWorker, ToWorker } from './workerPool';

/**
 * A worker thread of `bulwark check --jobs N`: starts its own analyzer, then checks the folders
 * the main thread sends, one at a time, posting each folder's result back.
 */
export async function runCheckWorker(port: MessagePort, data: CheckWorkerData): Promise<void> {
  const post = (m: FromWorker) => port.postMessage(m);
  let checker: Awaited<ReturnType<typeof createCheckAnalyzer>>;
  try {
    checker = await createCheckAnalyzer(data.assetsDir);
  } catch (e) {
    post({ type: 'startFailed', error: errorText(e) });
    return;
  }
  // Folders are checked strictly one after another: the overlay holds one folder at a time.
  let queue = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    queue = queue.then(async () => {
      const result = await checkFolder(m.files, checker.analyzer, checker.loaded, data.cwd).catch(
        (e: unknown) => ({
          findings: [],
          messages: [{ text: `bulwark: internal error: ${errorText(e)}`, notice: false }],
          checked: 0,
          internalErrors: 1,
        }),
      );
      post({ type: 'result', index: m.index, result });
    });
  });
  post({ type: 'ready' });
}
