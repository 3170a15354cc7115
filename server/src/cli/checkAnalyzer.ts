import { Analyzer, type AnalysisHost } from '../core/analyzer';
import { TerraformProviderSchemaCache } from '../node/terraformProviderSchemas';
import type { FileAnalyzer } from './folderCheck';
import { createRunHost, type RunHost } from './runHost';

export interface CheckAnalyzer {
  analyzer: FileAnalyzer;
  /** The current folder's texts, served to the analyzer before the disk. */
  loaded: Map<string, string>;
  /** What the analyzer reads through: the disk of this run, listed and read once. */
  host: RunHost;
}

/** The analyzer a check run (or one of its workers) uses, over the disk plus an overlay. */
export async function createCheckAnalyzer(
  assetsDir: string,
  create: (host: AnalysisHost, assetsDir: string) => Promise<FileAnalyzer> = (h, dir) =>
    Analyzer.create(h, { assetsDir: dir, checkedOnce: true }),
): Promise<CheckAnalyzer> {
  const loaded = new Map<string, string>();
  const schemas = new TerraformProviderSchemaCache();
  const host = createRunHost({ overlay: loaded, providerSchemas: (dir) => schemas.loadSync(dir) });
  return { analyzer: await create(host, assetsDir), loaded, host };
}
