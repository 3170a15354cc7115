import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TerraformProviderSchemas } from '../core/terraform/check';

/** The machine may point TF_CLI_CONFIG_FILE at a missing file; these keep terraform quiet and offline-friendly. */
const TF_ENV = { TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
const TIMEOUT_MS = 30_000;
const MAX_BUFFER = 256 * 1024 * 1024;

export interface ProviderSchemaOptions {
  /** The terraform binary; default: `terraform` found on PATH. */
  terraformPath?: string;
  /**
   * Also try folders with neither a lock file nor `.terraform/` (configurations using only the
   * built-in provider need no init artefacts). Off by default: on a repository of many module
   * folders each try costs a terraform start (~80 ms).
   */
  probeUninitialised?: boolean;
}

/**
 * Provider schemas of initialised Terraform folders, from `terraform providers schema -json`,
 * cached per folder and lock-file content. `load` runs terraform asynchronously (for the language
 * server); `get` is a cache lookup that never blocks; `loadSync` is for the CLI.
 */
export class TerraformProviderSchemaCache {
  private readonly cache = new Map<string, { key: string; schemas: TerraformProviderSchemas | undefined }>();
  private readonly pending = new Map<string, Promise<TerraformProviderSchemas | undefined>>();

  constructor(private readonly options: ProviderSchemaOptions = {}) {}

  /** Cached schemas of `dir` when they are current; undefined when not loaded yet or unavailable. */
  get(dir: string): TerraformProviderSchemas | undefined {
    return this.current(dir)?.schemas;
  }

  /**
   * The cache's answer for `dir` when it is current, unavailable schemas included; undefined
   * when `load` has something to do (so a caller polling on every keystroke does not start it
   * again, with its search of PATH, for a folder terraform already failed on).
   */
  current(dir: string): { schemas: TerraformProviderSchemas | undefined } | undefined {
    const key = cacheKey(dir, this.options.probeUninitialised ?? false);
    const hit = key && this.cache.get(dir);
    return hit && hit.key === key ? hit : undefined;
  }

  /** Loads (or reuses) the schemas of `dir`; resolves undefined when the folder is not initialised or terraform fails. */
  load(dir: string): Promise<TerraformProviderSchemas | undefined> {
    const key = cacheKey(dir, this.options.probeUninitialised ?? false);
    // The key first: an uninitialised folder is asked about on every keystroke, and searching
    // PATH for terraform costs a stat per PATH entry.
    if (!key) return Promise.resolve(undefined);
    const bin = this.binary();
    if (!bin) return Promise.resolve(undefined);
    const hit = this.cache.get(dir);
    if (hit && hit.key === key) return Promise.resolve(hit.schemas);
    const running = this.pending.get(dir + '\0' + key);
    if (running) return running;
    const p = new Promise<TerraformProviderSchemas | undefined>((resolve) => {
      execFile(bin, ['providers', 'schema', '-json'], execOptions(dir), (err, stdout) => {
        resolve(err ? undefined : parse(stdout));
      });
    }).then((schemas) => {
      this.pending.delete(dir + '\0' + key);
      this.cache.set(dir, { key, schemas });
      return schemas;
    });
    this.pending.set(dir + '\0' + key, p);
    return p;
  }

  /** Blocking variant for the CLI. */
  loadSync(dir: string): TerraformProviderSchemas | undefined {
    const key = cacheKey(dir, this.options.probeUninitialised ?? false);
    if (!key) return undefined;
    const bin = this.binary();
    if (!bin) return undefined;
    const hit = this.cache.get(dir);
    if (hit && hit.key === key) return hit.schemas;
    let schemas: TerraformProviderSchemas | undefined;
    try {
      schemas = parse(
        execFileSync(bin, ['providers', 'schema', '-json'], {
          ...execOptions(dir),
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      );
    } catch {
      schemas = undefined;
    }
    this.cache.set(dir, { key, schemas });
    return schemas;
  }

  private binary(): string | undefined {
    return this.options.terraformPath ?? findOnPath('terraform');
  }
}

function execOptions(dir: string) {
  return {
    cwd: dir,
    env: { ...process.env, ...TF_ENV },
    timeout: TIMEOUT_MS,
    maxBuffer: MAX_BUFFER,
    encoding: 'utf8' as const,
    windowsHide: true,
  };
}

/**
 * The lock file's content hash; `.terraform/` alone keys on its modification time. A folder with
 * neither is tried only when probing (see ProviderSchemaOptions); an uninitialised one fails fast
 * and is cached as unavailable until `terraform init` writes a lock file.
 */
function cacheKey(dir: string, probe: boolean): string | undefined {
  try {
    const lock = join(dir, '.terraform.lock.hcl');
    if (existsSync(lock)) return 'lock:' + createHash('sha256').update(readFileSync(lock)).digest('hex');
    const dot = join(dir, '.terraform');
    if (existsSync(dot)) return 'dir:' + statSync(dot).mtimeMs;
    return probe && statSync(dir).isDirectory() ? 'no-lock' : undefined;
  } catch {
    return undefined;
  }
}

function parse(stdout: string): TerraformProviderSchemas | undefined {
  try {
    const v = JSON.parse(stdout) as unknown;
    return v && typeof v === 'object' ? (v as TerraformProviderSchemas) : undefined;
  } catch {
    return undefined;
  }
}

function findOnPath(name: string): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    if (!d) continue;
    for (const e of exts) {
      const p = join(d, name + e);
      try {
        if (statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
