import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './args';

/** Folders never descended into: VCS data, dependencies, Terraform's provider cache. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform']);

/** Extensions the walk hands to the analyzer; the core classifies the rest of the way. */
const CHECKED_FILE = /\.(?:tf|ya?ml)$/i;

export interface WalkOptions {
  maxFileBytes: number;
}

export interface WalkResult {
  /** Absolute paths, grouped by folder (files of one folder are adjacent), each once. */
  files: string[];
  /** Files left out because of their size, with that size. */
  tooLarge: { path: string; size: number }[];
  /** Entry names of the folders with files to check, in the order the file system gave them. */
  listings: Map<string, string[]>;
}

/**
 * Expands the command-line paths into the files to check. Only stats files, never reads them.
 * A folder is walked for .tf/.yaml/.yml files; a file named explicitly is checked whatever its
 * name. A path that does not exist is a usage error. Symbolic links to folders are not
 * followed (no cycles); links to files are. Synchronous: one readdir and a stat per candidate
 * file, each a few microseconds, cheaper than a promise apiece.
 */
export function collectFiles(cwd: string, paths: readonly string[], options: WalkOptions): WalkResult {
  const seen = new Set<string>();
  const result: WalkResult = { files: [], tooLarge: [], listings: new Map() };
  const roots: { abs: string; isDir: boolean; size: number }[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const st = statOrUndefined(abs);
    if (!st) throw new UsageError(`no such file or directory: ${p}`);
    roots.push({ abs, isDir: st.isDirectory(), size: st.size });
  }
  const add = (path: string, size: number) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (size > options.maxFileBytes) result.tooLarge.push({ path, size });
    else result.files.push(path);
  };
  for (const r of roots) {
    if (r.isDir) walkDir(r.abs, add, result.listings);
    else add(r.abs, r.size);
  }
  return result;
}

function walkDir(
  dir: string,
  add: (path: string, size: number) => void,
  listings: Map<string, string[]>,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  // The analyzer lists the folders of the files it checks: only those listings are kept.
  const names = entries.map((e) => e.name);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (!CHECKED_FILE.test(e.name) || !(e.isFile() || e.isSymbolicLink())) continue;
    const path = join(dir, e.name);
    const st = statOrUndefined(path);
    if (!st?.isFile()) continue;
    add(path, st.size);
    if (!listings.has(dir)) listings.set(dir, names);
  }
  for (const e of entries)
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) walkDir(join(dir, e.name), add, listings);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
