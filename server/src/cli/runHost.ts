import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { AnalysisHost } from '../core/analyzer';
import type { TerraformProviderSchemas } from '../core/terraform/check';
import { DEFAULT_MAX_FILE_BYTES, readTextFile } from '../node/diskHost';

/** Characters of off-overlay file text kept for the run; past this, reads are not remembered. */
const READ_CACHE_CHARS = 16 * 1024 * 1024;
/** Folders (and read paths) remembered; a huge repository starts afresh past this, costing a re-read. */
const MAX_ENTRIES = 20_000;

export interface RunHostOptions {
  /** The folder being checked: its texts, read once by the check, win over the disk. */
  overlay: ReadonlyMap<string, string>;
  providerSchemas?: (moduleDir: string) => TerraformProviderSchemas | undefined;
}

/** The host of one check run, and what the run already knows about folders. */
export interface RunHost extends AnalysisHost {
  /** Hands over a folder's entries the walk (or the main thread) already read. */
  seedListing(dir: string, names: readonly string[]): void;
}

/**
 * The disk as one `bulwark check` run sees it: a snapshot, so each folder is listed once, each
 * file read once, and a file that a listing shows is not there is never opened. The analyzer
 * asks a lot of such questions: every file looks for `.bulwark.yaml`/`.bulwark.yml` in each
 * folder up to the root (a dozen failed opens per file), and every manifest and Terraform file
 * lists its folder to find its neighbours. Files that appear or change during the run are not
 * seen, as if the run had happened at its start (unless a huge repository outgrows the caches).
 */
export function createRunHost(options: RunHostOptions): RunHost {
  const listings = new Map<string, string[] | undefined>();
  /** Lower-cased NFC entry names per listed folder: a name absent here is absent on any file system. */
  const present = new Map<string, Set<string>>();
  const reads = new Map<string, string | undefined>();
  let cachedChars = 0;
  const schemas = new Map<string, TerraformProviderSchemas | undefined>();

  const remember = <V>(map: Map<string, V>, key: string, value: V) => {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, value);
  };
  const list = (dir: string): string[] | undefined => {
    if (listings.has(dir)) return listings.get(dir);
    let names: string[] | undefined;
    try {
      names = readdirSync(dir);
    } catch {
      names = undefined;
    }
    remember(listings, dir, names);
    return names;
  };
  const knownMissing = (path: string): boolean => {
    const dir = dirname(path);
    const names = list(dir);
    if (names === undefined) return false;
    let set = present.get(dir);
    if (!set) {
      set = new Set(names.map(foldName));
      remember(present, dir, set);
    }
    return !set.has(foldName(basename(path)));
  };

  const host: RunHost = {
    readFile(path) {
      const open = options.overlay.get(path);
      if (open !== undefined) return open;
      if (reads.has(path)) return reads.get(path);
      const r = knownMissing(path) ? undefined : readTextFile(path, DEFAULT_MAX_FILE_BYTES);
      const text = r && 'text' in r ? r.text : undefined;
      if (reads.size >= MAX_ENTRIES) {
        reads.clear();
        cachedChars = 0;
      }
      if (text === undefined || cachedChars + text.length <= READ_CACHE_CHARS) {
        reads.set(path, text);
        cachedChars += text?.length ?? 0;
      }
      return text;
    },
    listDir(dir) {
      return list(dir)?.slice();
    },
    seedListing(dir, names) {
      if (!listings.has(dir)) remember(listings, dir, [...names]);
    },
  };
  const load = options.providerSchemas;
  if (load) {
    host.providerSchemas = (dir) => {
      if (!schemas.has(dir)) remember(schemas, dir, load(dir));
      return schemas.get(dir);
    };
  }
  return host;
}

/** Case and Unicode normalisation folded, as the most lenient file systems compare names. */
function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
