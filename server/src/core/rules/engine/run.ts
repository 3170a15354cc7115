import type { AnalysisHost } from '../../analyzer';
import type { RuleLevel } from '../../config/config';
import { evaluate } from '../../terraform/evaluate';
import type { TfFile, TfModule } from '../../terraform/model';
import type { Finding } from '../../types';
import type { YamlFile } from '../../yaml/yamlFile';
import type { ScopedSuppression } from '../../suppress/suppress';
import { RULES_BY_DOMAIN } from '../registry';
import type { RuleSettings, TfRule } from '../types';
import { runComposeRules } from './compose';
import { FolderCache, K8sRuleMemo, runK8sRules } from './k8s';
import { runTfRules, runTfRulesOnModule, sameItems, TfRuleMemo } from './tf';

export interface RuleRunOptions {
  path: string;
  host: AnalysisHost;
  /** Effective levels by rule id; rules set to `off` do not run. */
  levels: Record<string, RuleLevel>;
  settings: RuleSettings;
}

export interface RuleRun {
  findings: Finding[];
  scopes: ScopedSuppression[];
  /** Findings of rules left for later (`checkedOnce`: see `Analyzer.begin`). */
  later?: () => Finding[];
}

interface ModuleRun {
  settings: string;
  rules: readonly TfRule[];
  files: readonly TfFile[];
  /** Undefined: the module's findings could not all be placed; its files are run one by one. */
  byFile: Map<string, Finding[]> | undefined;
}

/** How many Terraform files keep their rules' records (a module being edited, with its siblings). */
const TF_MEMOS = 64;

const on = (levels: Record<string, RuleLevel>) => (r: { meta: { id: string } }) =>
  levels[r.meta.id] !== 'off';

/** Runs the anti-pattern rules of one domain on a parsed file. */
export class RuleRunner {
  private readonly folderCache: FolderCache;
  private readonly memos = new Map<string, { settings: string; memo: K8sRuleMemo }>();
  /** Terraform rules' records by file, the most recently checked last (a bounded number: see TF_MEMOS). */
  private readonly tfMemos = new Map<string, TfRuleMemo>();

  /** The findings of the module run last, by file (`checkedOnce`). */
  private lastModule: ModuleRun | undefined;

  /**
   * `parse`: the analyzer's per-path YAML parse, shared with the folder rules' reads of other
   * files. `checkedOnce`: each file is checked once (a batch run), so Terraform rules run once
   * per module for all its files rather than file by file.
   */
  constructor(
    parse?: (path: string, text: string) => YamlFile,
    private readonly checkedOnce = false,
  ) {
    this.folderCache = new FolderCache(parse);
  }

  k8s(file: YamlFile, o: RuleRunOptions): RuleRun {
    const rules = RULES_BY_DOMAIN.k8s.filter(on(o.levels));
    return runK8sRules(
      rules,
      file,
      o.path,
      o.host,
      this.folderCache,
      o.settings,
      this.memoFor(o),
      this.checkedOnce,
    );
  }

  /** Drops what was remembered about a file (closed or deleted). */
  forget(path: string): void {
    this.memos.delete(path);
    this.tfMemos.delete(path);
    if (this.lastModule?.files.some((f) => f.path === path)) this.lastModule = undefined;
  }

  /** Per-document results of a file, kept while its rule settings stay the same. */
  private memoFor(o: RuleRunOptions): K8sRuleMemo {
    const key = JSON.stringify(o.settings ?? null);
    let m = this.memos.get(o.path);
    if (!m || m.settings !== key) this.memos.set(o.path, (m = { settings: key, memo: new K8sRuleMemo() }));
    return m.memo;
  }

  compose(file: YamlFile, o: RuleRunOptions): RuleRun {
    return {
      findings: runComposeRules(RULES_BY_DOMAIN.compose.filter(on(o.levels)), file, o.settings),
      scopes: [],
    };
  }

  tf(module: TfModule, o: RuleRunOptions): RuleRun {
    const rules = RULES_BY_DOMAIN.tf.filter(on(o.levels));
    const byFile = this.checkedOnce ? this.moduleRun(rules, module, o) : undefined;
    return {
      findings:
        byFile?.get(o.path) ??
        runTfRules(rules, module, o.path, evaluate, o.settings, this.tfMemoFor(o.path)),
      scopes: [],
    };
  }

  /** The rules' findings for every file of `module`, from one run (the last module's are kept). */
  private moduleRun(
    rules: TfRule[],
    module: TfModule,
    o: RuleRunOptions,
  ): Map<string, Finding[]> | undefined {
    const settings = JSON.stringify(o.settings ?? null);
    const last = this.lastModule;
    if (
      last &&
      last.settings === settings &&
      sameItems(last.rules, rules) &&
      sameItems(last.files, module.files)
    )
      return last.byFile;
    const byFile = runTfRulesOnModule(rules, module, evaluate, o.settings);
    this.lastModule = { settings, rules, files: module.files, byFile };
    return byFile;
  }

  /**
   * Records are kept for the files checked last: an edited file and the siblings re-checked
   * after each edit, not every file a workspace scan went through.
   */
  private tfMemoFor(path: string): TfRuleMemo {
    let m = this.tfMemos.get(path);
    if (m) this.tfMemos.delete(path);
    else m = new TfRuleMemo();
    this.tfMemos.set(path, m);
    if (this.tfMemos.size > TF_MEMOS) this.tfMemos.delete(this.tfMemos.keys().next().value as string);
    return m;
  }
}
