/**
 * Which deploy target a command invocation means. Commands are called from the palette (no
 * argument), a code lens (a file URI string of a manifest, compose file or terraform folder), the
 * explorer (a Uri), a panel node (`{ target: id }`) or a test (`{ target: id or path }`). Pure.
 */
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeployTarget } from '../types';

/** Options a caller may pass in an argument object; the UI passes only `target`/`environment`. */
export interface CommandArgs {
  target?: string;
  environment?: string;
  /**
   * false: never prompt; where a prompt would be needed (a confirmation, a pick) the command is
   * refused instead. It can only make a command do less: a deploy is then never confirmed.
   */
  interactive?: boolean;
}

/** A path from whatever the argument is; undefined when it names no file. */
function pathOf(arg: unknown, root: string): string | undefined {
  if (typeof arg === 'string') {
    if (arg.startsWith('file:')) return fileURLToPath(arg);
    return isAbsolute(arg) ? arg : resolve(root, arg);
  }
  if (arg && typeof arg === 'object') {
    const o = arg as { fsPath?: unknown; scheme?: unknown; path?: unknown };
    if (typeof o.fsPath === 'string') return o.fsPath;
    if (o.scheme === 'file' && typeof o.path === 'string') return o.path;
  }
  return undefined;
}

function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * The target an argument names: by id (`{ target: 'infra/prod' }` or a panel node), or by a path
 * inside it (the target's own files first, then the deepest target folder holding the path).
 */
export function resolveTargetArg(
  arg: unknown,
  targets: readonly DeployTarget[],
  root: string,
): DeployTarget | undefined {
  if (arg === undefined || arg === null) return undefined;
  const ref = arg && typeof arg === 'object' && 'target' in arg ? (arg as { target?: unknown }).target : arg;
  if (typeof ref === 'string') {
    const byId = targets.find((t) => t.id === ref);
    if (byId) return byId;
  }
  const path = pathOf(ref, root);
  if (!path) return undefined;
  const byFile = targets.find((t) => t.files.some((f) => resolve(t.dir, f) === path));
  if (byFile) return byFile;
  const exact = targets.find((t) => t.dir === path);
  if (exact) return exact;
  const holders = targets.filter((t) => inside(path, t.dir) || inside(dirname(path), t.dir));
  return holders.sort((a, b) => b.dir.length - a.dir.length)[0];
}

export function commandArgs(arg: unknown): CommandArgs {
  if (!arg || typeof arg !== 'object' || 'fsPath' in arg || 'scheme' in arg) return {};
  const o = arg as Record<string, unknown>;
  return {
    target: typeof o.target === 'string' ? o.target : undefined,
    environment: typeof o.environment === 'string' ? o.environment : undefined,
    interactive: o.interactive === false ? false : undefined,
  };
}
