import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer, type AnalysisHost } from '../../server/src/core/analyzer';

/** Repository root. */
export const ROOT = join(__dirname, '..', '..');
/** Built assets (`npm run build` puts wasm files and schemas here). */
export const ASSETS = join(ROOT, 'dist');

/** A host reading the real disk, with optional in-memory overrides keyed by absolute path. */
export function diskHost(overrides: Record<string, string> = {}): AnalysisHost {
  return {
    readFile(p) {
      if (p in overrides) return overrides[p];
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(d) {
      try {
        const names = new Set(readdirSync(d));
        for (const p of Object.keys(overrides)) if (join(p, '..') === d) names.add(p.slice(d.length + 1));
        return [...names];
      } catch {
        const names = Object.keys(overrides)
          .filter((p) => join(p, '..') === d)
          .map((p) => p.slice(d.length + 1));
        return names.length ? names : undefined;
      }
    },
  };
}

let shared: Promise<Analyzer> | undefined;

/** One analyzer per test process, reading the real disk. */
export function sharedAnalyzer(): Promise<Analyzer> {
  shared ??= Analyzer.create(diskHost(), { assetsDir: ASSETS });
  return shared;
}
