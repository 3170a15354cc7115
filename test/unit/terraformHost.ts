import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AnalysisHost } from '../../server/src/core/analyzer';
import type { TerraformProviderSchemas } from '../../server/src/core/terraform/check';

/** Built assets (`npm run build` copies the tree-sitter wasm files there). */
export const TF_ASSETS = join(__dirname, '..', '..', 'dist');
export const TF_FIXTURES = join(__dirname, '..', 'fixtures', 'terraform');

/** A host over in-memory files (absolute paths), falling back to the disk; optional provider schemas. */
export function tfHost(files: Record<string, string> = {}, schemas?: TerraformProviderSchemas): AnalysisHost {
  return {
    readFile(p) {
      if (p in files) return files[p];
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(d) {
      const names = new Set(
        Object.keys(files)
          .filter((p) => dirname(p) === d)
          .map((p) => p.slice(d.length + 1)),
      );
      try {
        for (const n of readdirSync(d)) names.add(n);
      } catch {
        // in-memory folder only
      }
      return [...names];
    },
    providerSchemas: schemas ? () => schemas : undefined,
  };
}
