import { classify, type Classification } from './classify';
import { checkCompose } from './compose/check';
import { checkKubernetes } from './kubernetes/check';
import { TerraformChecker, type TerraformProviderSchemas } from './terraform/check';
import { compareFindings, type Finding } from './types';
import { yamlSyntaxFindings } from './yaml/syntax';
import { YamlCache } from './yaml/yamlFile';

/** Everything the core needs from the outside world, passed in so the core stays pure. */
export interface AnalysisHost {
  /** Current text of a file: the editor's buffer when open, else the disk. Undefined when missing. */
  readFile(path: string): string | undefined;
  /** Names of the entries of a folder, or undefined when it cannot be read. */
  listDir(dir: string): string[] | undefined;
  /** Provider schemas for an initialised Terraform module folder, when they can be had. */
  providerSchemas?(moduleDir: string): TerraformProviderSchemas | undefined;
}

export interface AnalysisResult {
  kind: Classification;
  findings: Finding[];
}

export interface AnalyzerOptions {
  /** Folder holding the run-time assets: tree-sitter `*.wasm` files and `schemas/` (dist/ once built). */
  assetsDir: string;
  /** Files larger than this are not analysed (a single info finding says so). */
  maxFileBytes?: number;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The single entry point of the core: classify a file and run every check that applies.
 * Keeps per-file parse caches so repeated calls on edited text only re-parse what changed.
 */
export class Analyzer {
  private readonly yamlCaches = new Map<string, YamlCache>();

  private constructor(
    private readonly host: AnalysisHost,
    private readonly terraform: TerraformChecker,
    private readonly maxBytes: number,
  ) {}

  static async create(host: AnalysisHost, options: AnalyzerOptions): Promise<Analyzer> {
    const terraform = await TerraformChecker.create(options.assetsDir);
    return new Analyzer(host, terraform, options.maxFileBytes ?? DEFAULT_MAX_BYTES);
  }

  analyze(path: string, text: string): AnalysisResult {
    const kind = classify(path, text);
    if (kind === 'ignore' || kind === 'other') return { kind, findings: [] };
    if (looksBinary(text)) return { kind: 'other', findings: [] };
    const domain = kind === 'kubernetes' ? 'k8s' : kind === 'compose' ? 'compose' : 'tf';
    if (text.length > this.maxBytes) {
      return {
        kind,
        findings: [
          {
            ruleId: `${domain}/file-too-large`,
            severity: 'info',
            message: `File not analysed: ${text.length} characters is over the limit of ${this.maxBytes}.`,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
      };
    }
    const findings = this.check(kind, path, text);
    findings.sort(compareFindings);
    return { kind, findings };
  }

  /** Drops caches of a file that was closed or deleted. */
  forget(path: string): void {
    this.yamlCaches.delete(path);
    this.terraform.forget(path);
  }

  private check(kind: 'kubernetes' | 'compose' | 'terraform', path: string, text: string): Finding[] {
    if (kind === 'terraform') return this.terraform.check(path, text, this.host);
    let cache = this.yamlCaches.get(path);
    if (!cache) this.yamlCaches.set(path, (cache = new YamlCache()));
    const file = cache.parse(text);
    if (kind === 'kubernetes') return [...yamlSyntaxFindings(file, 'k8s'), ...checkKubernetes(file)];
    return [...yamlSyntaxFindings(file, 'compose'), ...checkCompose(file)];
  }
}

/** A NUL among the first few KiB: a binary file misnamed or mis-detected. */
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}
