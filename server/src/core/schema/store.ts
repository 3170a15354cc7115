import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { precompiledFromDir, type Precompiled, type PrecompiledLoader } from './precompiled';

/** Reads a JSON asset by path relative to the schemas folder; undefined when missing or broken. */
export type JsonLoader = (relPath: string) => unknown;

/**
 * The generated schemas, read on first use. Each domain builds what it needs from the raw JSON
 * (an index, ajv instances, compiled validators) once, through `memo`.
 */
export class SchemaStore {
  private readonly built = new Map<string, unknown>();
  private readonly modules = new Map<string, Precompiled | undefined>();

  constructor(
    readonly load: JsonLoader,
    private readonly loadPrecompiled: PrecompiledLoader = () => undefined,
  ) {}

  /**
   * Schemas from a folder on disk (the `schemas/` of the repo, or `dist/schemas` once built,
   * where the build also leaves precompiled validators).
   */
  static fromDir(dir: string): SchemaStore {
    return new SchemaStore((rel) => {
      try {
        return JSON.parse(readFileSync(join(dir, rel), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    }, precompiledFromDir(dir));
  }

  /** Validators generated at build time from these schemas, by name; undefined when absent. */
  precompiled(name: string): Precompiled | undefined {
    if (!this.modules.has(name)) this.modules.set(name, this.loadPrecompiled(name));
    return this.modules.get(name);
  }

  /** Builds a value once per store; `build` may return undefined (schemas missing). */
  memo<T>(key: string, build: (load: JsonLoader, store: SchemaStore) => T): T {
    if (this.built.has(key)) return this.built.get(key) as T;
    const value = build(this.load, this);
    this.built.set(key, value);
    return value;
  }
}
