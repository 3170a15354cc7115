import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SKIPPED_DIRS, isCandidateFile } from './exclude';

/** Enough for any real repository; stops a walk of a home folder or a mount from running for ever. */
export const MAX_WALKED_FILES = 50_000;

/**
 * Candidate files (.tf / .yaml / .yml) under a folder, breadth first. Symbolic links are not
 * followed (no cycles, no escaping the folder). Reading directories is asynchronous, so a walk
 * never holds the event loop.
 */
export async function* walkFolder(
  root: string,
  excluded: (path: string) => boolean,
  cancelled: () => boolean,
): AsyncGenerator<string> {
  const dirs = [root];
  let yielded = 0;
  while (dirs.length > 0 && !cancelled()) {
    const dir = dirs.shift() as string;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !excluded(path)) dirs.push(path);
      } else if (e.isFile() && isCandidateFile(e.name) && !excluded(path)) {
        if (++yielded > MAX_WALKED_FILES) return;
        yield path;
        if (cancelled()) return;
      }
    }
  }
}
