import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a JSON asset by path relative to the schemas folder; undefined when missing or broken. */
export type JsonLoader = (relPath: string) => unknown;

/**
 * The generated schemas, read on first use. Each domain builds what it needs from the raw JSON
 * (an index, ajv instances, compiled validators) once, through `memo`.
 */
export class SchemaStore {
  private readonly built = new Map<string, unknown>();

  constructor(readonly load: JsonLoader) {}

  /** Schemas from a folder on disk (the `schemas/` of the repo, or `dist/schemas` once built). */
  static fromDir(dir: string): SchemaStore {
    return new SchemaStore((rel) => {
      try {
        return JSON.parse(readFileSync(join(dir, rel), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    });
  }

  /** Builds a value once per store; `build` may return undefined (schemas missing). */
  memo<T>(key: string, build: (load: JsonLoader) => T): T {
    if (this.built.has(key)) return this.built.get(key) as T;
    const value = build(this.load);
    this.built.set(key, value);
    return value;
  }
}
