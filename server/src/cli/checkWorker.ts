import { dirname } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { createCheckAnalyzer, type CheckAnalyzer } from './checkAnalyzer';
import { checkFolder, errorText, type FolderCheckOptions, type FolderResult } from './folderCheck';
import type { CheckWorkerData, FromWorker, ToWorker } from './workerPool';

/**
 * A worker thread of `bulwark check --jobs N`: starts its own analyzer, then checks the folders
 * the main thread sends, one at a time, posting each folder's result back.
 */
export async function runCheckWorker(port: MessagePort, data: CheckWorkerData): Promise<void> {
  const post = (m: FromWorker) => port.postMessage(m);
  let checker: CheckAnalyzer;
  try {
    checker = await createCheckAnalyzer(data.assetsDir);
  } catch (e) {
    post({ type: 'startFailed', error: errorText(e) });
    return;
  }
  // Folders are checked one after another (synchronously): the overlay holds one folder at a time.
  port.on('message', (m: ToWorker) => {
    post({ type: 'result', index: m.index, result: checkAssigned(checker, m, data.folder) });
  });
  post({ type: 'ready' });
}

/** Checks a folder the pool assigned, in whichever thread holds `checker`. */
export function checkAssigned(checker: CheckAnalyzer, m: ToWorker, folder: FolderCheckOptions): FolderResult {
  if (m.listing) checker.host.seedListing(dirname(m.files[0] ?? ''), m.listing);
  try {
    return checkFolder(m.files, checker.analyzer, checker.loaded, folder);
  } catch (e) {
    return {
      findings: [],
      messages: [{ text: `bulwark: internal error: ${errorText(e)}`, notice: false }],
      checked: 0,
      internalErrors: 1,
    };
  }
}
