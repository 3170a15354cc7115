import type { Fix, Range, Severity } from '../types';
import type { TfAttribute, TfBlock, TfEval, TfExpr, TfModule } from '../terraform/model';
import type { PathSegment, YamlDoc, YamlFile } from '../yaml/yamlFile';

export type RuleDomain = 'k8s' | 'compose' | 'tf';
export type RuleCategory = 'security' | 'reliability' | 'operability' | 'cost' | 'maintainability';

/** Everything a user needs to know about a rule; docs pages are generated from it. */
export interface RuleMeta {
  /** `<domain>/<kebab-name>`, stable forever. */
  id: string;
  title: string;
  severity: Severity;
  category: RuleCategory;
  /** Why it matters, one short paragraph. */
  why: string;
  /** How to fix it, one short paragraph. */
  fix: string;
  /** CIS Benchmarks, Pod Security Standards, provider docs: titles with URLs. */
  references: { title: string; url: string }[];
  /** True when the rule offers a safe automatic fix. */
  fixable?: boolean;
}

/** Settings from `.bulwark.yaml` that rules read (beyond enable/disable and severity). */
export interface RuleSettings {
  terraform?: { requiredTags?: string[] };
}

export interface ReportOptions {
  message?: string;
  fixes?: Fix[];
}

// ---------- Kubernetes ----------

export interface K8sObject {
  doc: YamlDoc;
  /** Path of the object inside its document: [] for a document, ['items', i] inside a List. */
  path: PathSegment[];
  value: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** File the object is in. */
  file: string;
}

export interface K8sRuleContext {
  file: YamlFile;
  /**
   * Objects of the file being checked. The engine may run a rule one document at a time (and
   * reuse its findings for unchanged documents): relate objects only through `folderObjects()`.
   */
  objects: K8sObject[];
  /** Objects of every Kubernetes file in the same folder (this file included). */
  folderObjects(): K8sObject[];
  /**
   * Reports at `path` (relative to the object). Where the path does not exist, the finding
   * lands on the deepest existing parent's key.
   */
  report(
    obj: K8sObject,
    path: PathSegment[],
    options?: ReportOptions & { at?: 'key' | 'value' | 'pair' },
  ): void;
  /** Range of a path, for building fixes. */
  range(obj: K8sObject, path: PathSegment[], at?: 'key' | 'value' | 'pair'): Range;
  /** Settings of the `.bulwark.yaml` that applies to the file. */
  config?: RuleSettings;
}

export interface K8sRule {
  meta: RuleMeta;
  check(ctx: K8sRuleContext): void;
}

// ---------- Compose ----------

export interface ComposeRuleContext {
  file: YamlFile;
  doc: YamlDoc;
  /** The parsed file (merge keys applied). Interpolations like `${X:-d}` are left as strings. */
  value: Record<string, unknown>;
  report(path: PathSegment[], options?: ReportOptions & { at?: 'key' | 'value' | 'pair' }): void;
  range(path: PathSegment[], at?: 'key' | 'value' | 'pair'): Range;
  /** Settings of the `.bulwark.yaml` that applies to the file. */
  config?: RuleSettings;
}

export interface ComposeRule {
  meta: RuleMeta;
  check(ctx: ComposeRuleContext): void;
}

// ---------- Terraform ----------

export interface TfRuleContext {
  /** The module folder of the file being checked (all its .tf files). */
  module: TfModule;
  /** Path of the file being checked: report only on blocks of this file. */
  file: string;
  /** Static value of an expression, resolving `var.x` (defaults) and `local.y`; unknown stays unknown. */
  evaluate(expr: TfExpr): TfEval;
  /** Blocks of the module of a given type (and first label), e.g. ('resource', 'aws_s3_bucket'). */
  blocks(type: string, label?: string): TfBlock[];
  /** A bare range says no file: give one (`{ range, file }`) for a range inside a block. */
  report(at: TfBlock | TfAttribute | Range | { range: Range; file: string }, options?: ReportOptions): void;
  /** Settings of the `.bulwark.yaml` that applies to the file (e.g. required tag keys). */
  config?: RuleSettings;
}

export interface TfRule {
  meta: RuleMeta;
  check(ctx: TfRuleContext): void;
}
