import picomatch from 'picomatch';
import { relative, sep } from 'node:path';

/** Folders never walked: tool caches and VCS data, not the user's configuration. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform']);

const CANDIDATE = /\.(tf|ya?ml)$/i;

/** A file the server checks: Terraform or YAML (classification decides the rest). */
export function isCandidateFile(path: string): boolean {
  return CANDIDATE.test(path);
}

const matchers = new Map<string, (p: string) => boolean>();

/**
 * Whether `bulwark.exclude` globs match a path. Globs are relative to the workspace folder
 * (`deploy/generated/**`, `**\/*.gen.yaml`); a path outside every folder matches on its own.
 */
export function isExcluded(path: string, folderPath: string | undefined, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const key = globs.join('\u0000');
  let match = matchers.get(key);
  if (!match) {
    match = picomatch([...globs], { dot: true });
    matchers.set(key, match);
  }
  const rel = folderPath ? relative(folderPath, path) : path;
  const slashed = rel.split(sep).join('/');
  return match(slashed) || match(path.split(sep).join('/'));
}

/** Whether a path lies inside a skipped folder (relative to its workspace folder). */
export function inSkippedDir(path: string, folderPath: string | undefined): boolean {
  const rel = folderPath ? relative(folderPath, path) : path;
  return rel
    .split(/[\\/]/)
    .slice(0, -1)
    .some((part) => SKIPPED_DIRS.has(part));
}
