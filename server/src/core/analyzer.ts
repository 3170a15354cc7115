import { join } from 'node:path';
import { classify, type Classification } from './classify';
import { checkCompose } from './compose/check';
import { checkKubernetes } from './kubernetes/check';
import { SchemaStore } from './schema/store';
import { TerraformChecker, type TerraformProviderSchemas } from './terraform/check';
import { CrdRegistry } from './features/crd';
import { ConfigResolver, type RuleLevel } from './config/config';
import { checkConfigFile } from './config/validate';
import { RuleRunner, type RuleRun, type RuleRunOptions } from './rules/engine/run';
import { applyPolicy } from './rules/engine/policy';
import { allMetas, isKnownRuleId } from './rules/registry';
import { compareFindings, type Finding } from './types';
import { yamlSyntaxFindings } from './yaml/syntax';
import { YamlCache, type YamlFile } from './yaml/yamlFile';
import { DocumentMemo } from './yaml/perDocument';
import type { TfModule } from './terraform/model';

/** Everything the core needs from the outside world, passed in so the core stays pure. */
export interface AnalysisHost {
  /** Current text of a file: the editor's buffer when open, else the disk. Undefined when missing. */
  readFile(path: string): string | undefined;
  /** Names of the entries of a folder, or undefined when it cannot be read. */
  listDir(dir: string): string[] | undefined;
  /** Provider schemas for an initialised Terraform module folder, when they can be had. */
  providerSchemas?(moduleDir: string): TerraformProviderSchemas | undefined;
}

/** See `Analyzer.sources`. */
export interface FeatureSources {
  host: AnalysisHost;
  schemas: SchemaStore;
  crds: CrdRegistry;
  yaml(path: string, text: string): YamlFile;
  terraform(path: string, text: string): TfModule;
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
  /**
   * Characters of YAML document text whose syntax trees stay held once idle (default 256 KiB);
   * the other documents keep text, value and errors and are parsed again on demand. Tests set
   * it low to run every check against trees parsed again.
   */
  heldTreeBytes?: number;
  /**
   * Each file is analysed once, then forgotten (`bulwark check`): nothing is kept or copied for
   * the next version of a file, and Terraform rules run once per module for all its files.
   */
  checkedOnce?: boolean;
}

/** A file's analysis between `Analyzer.begin` and its `finish` (which returns the result). */
export interface PendingAnalysis {
  finish(): AnalysisResult;
}

/** Per-call options, e.g. the editor's settings, which win over `.bulwark.yaml`. */
export interface AnalyzeOptions {
  overrides?: { rules?: Record<string, RuleLevel> };
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The single entry point of the core: classify a file and run every check that applies.
 * Keeps per-file parse caches so repeated calls on edited text only re-parse what changed.
 */
export class Analyzer {
  private readonly yamlCaches = new Map<string, YamlCache>();
  /** Schema findings per YAML document, so an edit re-validates only the documents it touched. */
  private readonly docMemos = new Map<string, DocumentMemo>();
  private readonly rules: RuleRunner;
  private readonly config: ConfigResolver;
  /** CustomResourceDefinitions of the workspace, for checking custom resources. */
  private readonly crds: CrdRegistry;

  private constructor(
    private readonly host: AnalysisHost,
    private readonly terraform: TerraformChecker,
    private readonly maxBytes: number,
    private readonly schemas: SchemaStore,
    private readonly heldTreeBytes: number | undefined,
    checkedOnce: boolean,
  ) {
    this.rules = new RuleRunner((path, text) => this.parseYaml(path, text), checkedOnce);
    this.config = new ConfigResolver(host);
    this.crds = new CrdRegistry(host);
  }

  static async create(host: AnalysisHost, options: AnalyzerOptions): Promise<Analyzer> {
    const checkedOnce = options.checkedOnce ?? false;
    const terraform = await TerraformChecker.create(options.assetsDir, { checkedOnce });
    const schemas = SchemaStore.fromDir(join(options.assetsDir, 'schemas'));
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
    return new Analyzer(host, terraform, maxBytes, schemas, options.heldTreeBytes, checkedOnce);
  }

  analyze(path: string, text: string, options: AnalyzeOptions = {}): AnalysisResult {
    return this.begin(path, text, options).finish();
  }

  /**
   * `analyze` in two steps, for the files of a folder in a batch run (`checkedOnce`): `begin`
   * runs every check of the file but the rules that relate its objects to the folder's, which
   * `finish` runs. Between the two the caller begins the folder's other files (and may release
   * each one's trees): the relating rules then find every file's objects already read, instead
   * of the first file's rules parsing the whole folder and holding its trees to the end (on the
   * benchmark's 20-manifest folders, 109 -> 53 MB promoted by the young generation). Without
   * `checkedOnce`, `begin` does all the work and `finish` only hands it over.
   */
  begin(path: string, text: string, options: AnalyzeOptions = {}): PendingAnalysis {
    const kind = classify(path, text);
    const done = (findings: Finding[], as: AnalysisResult['kind'] = kind) => ({
      finish: () => ({ kind: as, findings }),
    });
    if (kind === 'ignore' || kind === 'other') return done([]);
    if (looksBinary(text)) return done([], 'other');
    if (kind === 'config') return done(this.checkConfig(path, text));
    const domain = kind === 'kubernetes' ? 'k8s' : kind === 'compose' ? 'compose' : 'tf';
    const config = this.config.resolve(path);
    if (config.excluded) return done([]);
    const levels = { ...config.rules, ...options.overrides?.rules };
    if (text.length > this.maxBytes) {
      return done([
        {
          ruleId: `${domain}/file-too-large`,
          severity: 'info',
          message: `File not analysed: ${text.length} characters is over the limit of ${this.maxBytes}.`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ]);
    }
    // Rules first: on a big file's first analysis they read each document right after it is
    // parsed (parsing is done on first use), so its tree serves them before it is dropped.
    const run = this.runRules(kind, text, { path, host: this.host, levels, settings: config.settings });
    const checked = this.check(kind, path, text);
    const finish = (): AnalysisResult => {
      const later = run.later?.() ?? [];
      // The cached parse of this text: its line index, and whether it holds suppression comments.
      const yaml = kind === 'terraform' ? undefined : this.parseYaml(path, text);
      const findings = applyPolicy([...checked, ...run.findings, ...later], {
        text,
        lang: kind === 'terraform' ? 'hcl' : 'yaml',
        domain,
        levels,
        scopes: run.scopes,
        lines: yaml?.lines,
        commentFree: yaml?.mentions && !yaml.mentions.suppression,
      });
      findings.sort(compareFindings);
      return { kind, findings };
    };
    if (!run.later) {
      const result = finish();
      return { finish: () => result };
    }
    return { finish };
  }

  private docMemo(path: string): DocumentMemo {
    let m = this.docMemos.get(path);
    if (!m) this.docMemos.set(path, (m = new DocumentMemo()));
    return m;
  }

  private parseYaml(path: string, text: string): YamlFile {
    let cache = this.yamlCaches.get(path);
    if (!cache) this.yamlCaches.set(path, (cache = new YamlCache(this.heldTreeBytes)));
    return cache.parse(text);
  }

  /** Anti-pattern rules, on the parse the checks already cached. */
  private runRules(kind: 'kubernetes' | 'compose' | 'terraform', text: string, o: RuleRunOptions): RuleRun {
    if (kind === 'terraform') {
      let module: TfModule;
      try {
        module = this.terraform.loadModule(o.path, text, this.host);
      } catch {
        return { findings: [], scopes: [] };
      }
      return this.rules.tf(module, o);
    }
    const file = this.parseYaml(o.path, text);
    return kind === 'kubernetes' ? this.rules.k8s(file, o) : this.rules.compose(file, o);
  }

  /** A `.bulwark.yaml`: Bulwark's own schema and the rule catalogue. */
  private checkConfig(path: string, text: string): Finding[] {
    const ids = allMetas().map((m) => m.id);
    return checkConfigFile(this.parseYaml(path, text), isKnownRuleId, ids).sort(compareFindings);
  }

  /**
   * What editor features (hover, completion, outline, navigation) read: the same parse caches,
   * schemas and host the checks use, so a feature request after a check re-parses nothing.
   */
  get sources(): FeatureSources {
    return {
      host: this.host,
      schemas: this.schemas,
      crds: this.crds,
      yaml: (path, text) => this.parseYaml(path, text),
      terraform: (path, text) => this.terraform.loadModule(path, text, this.host),
    };
  }

  /**
   * Drops the syntax trees of every cached YAML document, as a big file's idle documents lose
   * theirs: results must not depend on which trees are still held (tests).
   */
  dropSyntaxTrees(): void {
    for (const cache of this.yamlCaches.values()) cache.forgetTrees();
  }

  /**
   * Drops the syntax trees of a file whose checks are done while the run goes on (a batch run:
   * its values stay, for the rules of the folder's other files). Held to the end of the folder,
   * the trees outlived two scavenges and were copied twice; on the benchmark's manifests that
   * was half of what the young generation promoted.
   */
  releaseTrees(path: string): void {
    this.yamlCaches.get(path)?.forgetTrees();
  }

  /** How many YAML documents' syntax trees were parsed again on demand (tests, measurements). */
  get syntaxTreesReparsed(): number {
    let n = 0;
    for (const cache of this.yamlCaches.values()) n += cache.reparsed;
    return n;
  }

  /** Drops caches of a file that was closed or deleted. */
  forget(path: string): void {
    this.yamlCaches.delete(path);
    this.terraform.forget(path);
    this.crds.forget(path);
    this.docMemos.delete(path);
    this.rules.forget(path);
  }

  private check(kind: 'kubernetes' | 'compose' | 'terraform', path: string, text: string): Finding[] {
    if (kind === 'terraform') return this.terraform.check(path, text, this.host);
    const file = this.parseYaml(path, text);
    if (kind === 'kubernetes') {
      this.crds.learn(path, file);
      this.crds.scanAround(path, path);
      const schema = this.docMemo(path).collect(
        'k8s',
        file,
        (v, crds) => checkKubernetes(v, this.schemas, crds),
        this.crds,
      );
      return [...yamlSyntaxFindings(file, 'k8s'), ...schema];
    }
    const schema = this.docMemo(path).collect('compose', file, (v) => checkCompose(v, this.schemas));
    return [...yamlSyntaxFindings(file, 'compose'), ...schema];
  }
}

/** A NUL among the first few KiB: a binary file misnamed or mis-detected. */
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}
