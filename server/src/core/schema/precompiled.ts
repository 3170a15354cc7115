import type { ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Validators generated at build time (scripts/build.mjs), by schema ref (or `compose`). */
export type Precompiled = Readonly<Record<string, ValidateFunction | undefined>>;

/** Loads one precompiled module by name (`compose`, `kubernetes`); undefined when absent. */
export type PrecompiledLoader = (name: string) => Precompiled | undefined;

/** The folder the build writes them to, inside the schemas folder it copies. */
export const PRECOMPILED_DIR = 'precompiled';

/**
 * Precompiled validators from `<schemasDir>/precompiled/<name>.js`. Missing or broken modules
 * give undefined, and callers compile at run time as before.
 */
export function precompiledFromDir(schemasDir: string): PrecompiledLoader {
  const req = createRequire(join(schemasDir, PRECOMPILED_DIR, 'index.js'));
  return (name) => {
    try {
      const m = req(`./${name}.js`) as unknown;
      return m && typeof m === 'object' ? (m as Precompiled) : undefined;
    } catch {
      return undefined;
    }
  };
}
