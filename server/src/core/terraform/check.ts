import { dirname } from 'node:path';
import type { AnalysisHost } from '../analyzer';
import type { Finding } from '../types';
import { checkCoreBlocks } from './checks/coreBlocks';
import { checkDuplicates } from './checks/declarations';
import { checkProviderAttributes } from './checks/providerAttributes';
import { checkReferences } from './checks/references';
import type { TfCheckContext } from './checks/context';
import type { TfModule } from './model';
import { TfModuleLoader } from './module';
import { TfParser } from './parser';
import { syntaxFindings } from './syntax';

/** `terraform providers schema -json` output, as much of it as the checks read. */
export interface TerraformProviderSchemas {
  provider_schemas?: Record<string, unknown>;
}

/**
 * Terraform syntax and core-language checks, plus provider attributes when the host can supply
 * provider schemas. Findings are for the file being checked only; declarations come from the
 * whole folder. A failing check yields one `tf/internal-error` finding instead of throwing.
 */
export class TerraformChecker {
  private constructor(private readonly loader: TfModuleLoader) {}

  /**
   * `assetsDir` holds `web-tree-sitter.wasm` and `tree-sitter-terraform.wasm`; `checkedOnce`:
   * files are not edited (see `AnalyzerOptions`).
   */
  static async create(assetsDir: string, options: { checkedOnce?: boolean } = {}): Promise<TerraformChecker> {
    return new TerraformChecker(new TfModuleLoader(await TfParser.create(assetsDir), options.checkedOnce));
  }

  /** The module folder of `path` with `text` replacing the disk version, for the rule engine. */
  loadModule(path: string, text: string, host: AnalysisHost): TfModule {
    return this.loader.loadModule(path, text, host);
  }

  check(path: string, text: string, host: AnalysisHost): Finding[] {
    const findings: Finding[] = [];
    let failed: string | undefined;
    const run = (name: string, f: () => readonly Finding[]) => {
      try {
        for (const x of f()) findings.push(x);
      } catch (e) {
        failed ??= `${name}: ${e instanceof Error ? e.message : String(e)}`;
      }
    };
    let module: TfModule | undefined;
    run('parse', () => {
      module = this.loader.loadModule(path, text, host);
      const parsed = this.loader.parseFile(path, text);
      if (!parsed.root) {
        return [
          {
            ruleId: 'tf/syntax',
            severity: 'error',
            message: 'File could not be parsed in time; it is too complex.',
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ];
      }
      return syntaxFindings(parsed.root, parsed.lines);
    });
    const file = module?.files.find((f) => f.path === path);
    if (module && file) {
      const ctx: TfCheckContext = { module, file };
      const dir = dirname(path);
      run('core blocks', () => checkCoreBlocks(ctx));
      run('duplicates', () => checkDuplicates(ctx));
      run('references', () => checkReferences(ctx, !this.loader.hasJsonConfig(dir, host)));
      run('provider attributes', () => {
        const schemas = host.providerSchemas?.(dir);
        return schemas ? checkProviderAttributes(ctx, schemas) : [];
      });
    }
    if (failed) {
      findings.push({
        ruleId: 'tf/internal-error',
        severity: 'info',
        message: `Some Terraform checks could not run on this file (${failed}).`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
    return findings;
  }

  forget(path: string): void {
    this.loader.forget(path);
  }
}
