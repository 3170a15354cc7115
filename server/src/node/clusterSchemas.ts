import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ClusterSchemas, type OpenApiDocuments } from '../core/features/clusterSchemas';

const TIMEOUT_MS = 30_000;
const MAX_BUFFER = 256 * 1024 * 1024;
export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

export interface ClusterSchemaOptions {
  /** The kubectl binary; default `kubectl` on PATH. */
  kubectlPath?: string;
  /** Folder of the per-context JSON files; default `$XDG_CACHE_HOME/bulwark/cluster-schemas` or `~/.cache/...`. */
  cacheDir?: string;
  ttlMs?: number;
  /** Environment for kubectl (KUBECONFIG...); default the process's. */
  env?: NodeJS.ProcessEnv;
  /**
   * Group-versions not worth fetching (`apps/v1`: the built-in schemas cover them); custom
   * resources live in the others. Default: fetch every `apis/` group-version except `api/v1`.
   */
  skip?: (apiVersion: string) => boolean;
  now?: () => number;
}

/** What is written to disk per context. */
interface CacheFile {
  context: string;
  fetchedAt: number;
  documents: OpenApiDocuments;
}

/**
 * Schemas the user's cluster serves (`kubectl get --raw /openapi/v3`, then one document per
 * group-version), per kube context, kept on disk as JSON for `ttlMs`. `current` never blocks;
 * `load` runs kubectl in the background (execFile, argument arrays) and resolves with the new
 * schemas, or undefined when kubectl or the cluster is unavailable (the check goes on without).
 */
export class ClusterSchemaCache {
  private loaded: { context: string; schemas: ClusterSchemas } | undefined;
  private pending: Promise<ClusterSchemas | undefined> | undefined;
  private readonly cacheDir: string;

  constructor(private readonly options: ClusterSchemaOptions = {}) {
    const xdg = options.env?.XDG_CACHE_HOME ?? process.env.XDG_CACHE_HOME;
    this.cacheDir = options.cacheDir ?? join(xdg || join(homedir(), '.cache'), 'bulwark', 'cluster-schemas');
  }

  /** The schemas of the last load, when they belong to `context` (undefined: the current one). */
  current(context?: string): ClusterSchemas | undefined {
    const l = this.loaded;
    return l && (context === undefined || l.context === context) ? l.schemas : undefined;
  }

  /**
   * Loads the schemas of `context` (default: kubectl's current context): from the disk cache
   * when fresh, else from the cluster. `force` skips the disk cache (the refresh command).
   * Concurrent calls share one load.
   */
  load(context?: string, force = false): Promise<ClusterSchemas | undefined> {
    if (this.pending) return this.pending;
    this.pending = this.doLoad(context, force).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async doLoad(context: string | undefined, force: boolean): Promise<ClusterSchemas | undefined> {
    const ctx = context || (await this.kubectl(['config', 'current-context']))?.trim();
    if (!ctx) return undefined;
    const now = (this.options.now ?? Date.now)();
    const file = join(this.cacheDir, `${encodeURIComponent(ctx)}.json`);
    let cached = force ? undefined : readCache(file, ctx);
    if (cached && now - cached.fetchedAt > (this.options.ttlMs ?? DEFAULT_TTL_MS)) cached = undefined;
    if (!cached) {
      const documents = await this.fetch(ctx);
      if (!documents) return undefined;
      cached = { context: ctx, fetchedAt: now, documents };
      writeCache(this.cacheDir, file, cached);
    }
    const schemas = new ClusterSchemas(cached.documents, `cluster context ${ctx}`);
    this.loaded = { context: ctx, schemas };
    return schemas;
  }

  /** The index, then the documents of the group-versions worth having, one kubectl call each. */
  private async fetch(context: string): Promise<OpenApiDocuments | undefined> {
    const index = parseJson(await this.kubectl(['--context', context, 'get', '--raw', '/openapi/v3']));
    const paths = isRecord(index) && isRecord(index.paths) ? Object.keys(index.paths) : undefined;
    if (!paths) return undefined;
    const skip = this.options.skip ?? ((v: string) => v === 'v1');
    const wanted = paths.filter((p) => {
      const m = /^apis\/([^/]+\/[^/]+)$/.exec(p);
      return m ? !skip(m[1]!) : false;
    });
    const documents: OpenApiDocuments = {};
    await Promise.all(
      wanted.map(async (p) => {
        const doc = parseJson(await this.kubectl(['--context', context, 'get', '--raw', `/openapi/v3/${p}`]));
        if (isRecord(doc)) documents[p] = doc;
      }),
    );
    return documents;
  }

  private kubectl(args: string[]): Promise<string | undefined> {
    const bin = this.options.kubectlPath ?? 'kubectl';
    return new Promise((resolve) => {
      execFile(
        bin,
        args,
        {
          env: this.options.env ?? process.env,
          timeout: TIMEOUT_MS,
          maxBuffer: MAX_BUFFER,
          encoding: 'utf8',
          windowsHide: true,
        },
        (err, stdout) => resolve(err ? undefined : stdout),
      );
    });
  }
}

function readCache(file: string, context: string): CacheFile | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!isRecord(v) || v.context !== context || typeof v.fetchedAt !== 'number' || !isRecord(v.documents))
      return undefined;
    return v as unknown as CacheFile;
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a concurrent reader never sees half a file. */
function writeCache(dir: string, file: string, content: CacheFile): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(content));
    renameSync(tmp, file);
  } catch {
    // A read-only home: the schemas still serve this session.
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
