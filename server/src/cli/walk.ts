import { readdir, stat } from 'node:fs/promises';
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
}

/**
 * Expands the command-line paths into the files to check. Only stats files, never reads them.
 * A folder is walked for .tf/.yaml/.yml files; a file named explicitly is checked whatever its
 * name. A path that does not exist is a usage error. Symbolic links to folders are not
 * followed (no cycles); links to files are.
 */
export async function collectFiles(
  cwd: string,
  paths: readonly string[],
  options: WalkOptions,
): Promise<WalkResult> {
  const seen = new Set<string>();
  const result: WalkResult = { files: [], tooLarge: [] };
  const roots: { abs: string; isDir: boolean; size: number }[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const st = await stat(abs).catch(() => undefined);
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
    if (r.isDir) await walkDir(r.abs, add);
    else add(r.abs, r.size);
  }
  return result;
}

async function walkDir(dir: string, add: (path: string, size: number) => void): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const subdirs: string[] = [];
  const files = entries.filter((e) => CHECKED_FILE.test(e.name) && (e.isFile() || e.isSymbolicLink()));
  const sizes = await Promise.all(files.map((e) => stat(join(dir, e.name)).catch(() => undefined)));
  files.forEach((e, i) => {
    const st = sizes[i];
    if (st?.isFile()) add(join(dir, e.name), st.size);
  });
  for (const e of entries) if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) subdirs.push(join(dir, e.name));
  for (const d of subdirs) await walkDir(d, add);
}
