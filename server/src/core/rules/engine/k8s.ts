import type { AnalysisHost } from '../../analyzer';
import { classify } from '../../classify';
import type { Finding } from '../../types';
import {
  locate,
  nodeRange,
  parseYaml,
  pathRange,
  type PathSegment,
  type YamlFile,
} from '../../yaml/yamlFile';
import { DocumentMemo } from '../../yaml/perDocument';
import { parseSuppressionBody, type ScopedSuppression } from '../../suppress/suppress';
import type { K8sObject, K8sRule, K8sRuleContext, RuleSettings } from '../types';
import { makeReporter } from '../report';
import { get, isRecord, k8sObjects } from '../k8s/objects';

export const IGNORE_ANNOTATION = 'bulwark.dev/ignore';

/** Parses of the other files of a folder, keyed by text, so folder rules do not re-parse per keystroke. */
export class FolderCache {
  private parsed = new Map<string, YamlFile>();

  /** `shared`: the analyzer's own per-path parse cache, so a file is parsed once for its checks and its neighbours' rules. */
  constructor(private readonly shared?: (path: string, text: string) => YamlFile) {}

  parse(text: string, path?: string): YamlFile {
    if (this.shared && path !== undefined) return this.shared(path, text);
    let f = this.parsed.get(text);
    if (!f) {
      if (this.parsed.size > 500) this.parsed.clear();
      f = parseYaml(text);
      this.parsed.set(text, f);
    }
    return f;
  }
}

export interface K8sRun {
  findings: Finding[];
  scopes: ScopedSuppression[];
}

/**
 * With a `memo`, each rule runs one document at a time and its findings are reused for
 * documents whose text did not change. A rule that reads `folderObjects()` relates objects to
 * each other: from then on it runs on the whole file every time (exact, never stale).
 */
export function runK8sRules(
  rules: readonly K8sRule[],
  file: YamlFile,
  path: string,
  host: AnalysisHost,
  folderCache: FolderCache,
  config: RuleSettings,
  memo?: K8sRuleMemo,
): K8sRun {
  const objects = k8sObjects(file, path);
  let folder: K8sObject[] | undefined;
  const folderObjects = () => (folder ??= readFolderObjects(path, objects, host, folderCache));
  const findings: Finding[] = [];
  const done = memo ? perDocument(rules, file, path, config, memo, findings) : new Set<string>();
  for (const rule of rules) {
    if (!done.has(rule.meta.id)) runRule(rule, file, path, objects, folderObjects, config, findings);
  }
  return { findings, scopes: annotationScopes(file, objects) };
}

/** Per-document rule findings of one file, and the rules found to relate objects across documents. */
export class K8sRuleMemo {
  readonly docs = new DocumentMemo();
  readonly crossObject = new Set<string>();
}

/**
 * Adds to `out` the findings of the rules not known to relate objects, document by document,
 * reusing those of unchanged documents (one entry per document for all such rules together;
 * a change of the rule set, e.g. a level turned off, recomputes every document once).
 * A rule that reads `folderObjects()` is left out from then on. Returns the rules it covered.
 * Findings come document by document rather than rule by rule: the caller sorts them.
 */
function perDocument(
  rules: readonly K8sRule[],
  file: YamlFile,
  path: string,
  config: RuleSettings,
  memo: K8sRuleMemo,
  out: Finding[],
): Set<string> {
  let eligible = rules.filter((r) => !memo.crossObject.has(r.meta.id));
  let all = `rules:${eligible.map((r) => r.meta.id).join(',')}`;
  const start = out.length;
  for (const d of file.docs) {
    const slots = memo.docs.at(file, d);
    let found = slots.get(all);
    if (!found) {
      found = [];
      let objects: K8sObject[] | undefined;
      // Only the combined findings are kept: one entry per document is what keeps memory flat.
      for (const rule of eligible) {
        objects ??= k8sObjects({ ...file, docs: [d] }, path);
        let crossed = false;
        const own: Finding[] = [];
        runRule(rule, file, path, objects, () => ((crossed = true), []), config, own);
        if (crossed) memo.crossObject.add(rule.meta.id);
        else for (const f of own) found.push(f);
      }
      if (eligible.some((r) => memo.crossObject.has(r.meta.id))) {
        // A rule turned out to relate objects: drop what it reported for earlier documents.
        const crossed = new Set(
          eligible.filter((r) => memo.crossObject.has(r.meta.id)).map((r) => r.meta.id),
        );
        eligible = eligible.filter((r) => !crossed.has(r.meta.id));
        all = `rules:${eligible.map((r) => r.meta.id).join(',')}`;
        const kept = out.slice(start).filter((f) => !crossed.has(f.ruleId));
        out.length = start;
        for (const f of kept) out.push(f);
        found = found.filter((f) => !crossed.has(f.ruleId));
      }
      slots.set(all, found);
    }
    for (const f of found) out.push(f);
  }
  return new Set(eligible.map((r) => r.meta.id));
}

function runRule(
  rule: K8sRule,
  file: YamlFile,
  path: string,
  objects: K8sObject[],
  folderObjects: () => K8sObject[],
  config: RuleSettings,
  findings: Finding[],
): void {
  const reporter = makeReporter(rule.meta, findings);
  const range = (obj: K8sObject, p: PathSegment[], at?: 'key' | 'value' | 'pair') =>
    pathRange(file, obj.doc, [...obj.path, ...p], at);
  const ctx: K8sRuleContext = {
    file,
    objects,
    folderObjects,
    report(obj, p, options = {}) {
      // Findings belong to this file only; folder objects are read, never reported on.
      if (obj.file !== path) return;
      reporter(range(obj, p, options.at), options);
    },
    range,
    config,
  };
  try {
    rule.check(ctx);
  } catch {
    // A rule that trips over an unusual document must not hide the other findings.
  }
}

function readFolderObjects(
  path: string,
  own: K8sObject[],
  host: AnalysisHost,
  cache: FolderCache,
): K8sObject[] {
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const cut = path.lastIndexOf(sep);
  const dir = cut >= 0 ? path.slice(0, cut) : '.';
  const self = path.slice(cut + 1);
  const out = [...own];
  for (const name of host.listDir(dir) ?? []) {
    if (name === self || !/\.ya?ml$/i.test(name)) continue;
    const p = `${dir}${sep}${name}`;
    const text = host.readFile(p);
    if (text === undefined || classify(p, text) !== 'kubernetes') continue;
    out.push(...k8sObjects(cache.parse(text, p), p));
  }
  return out;
}

/** `bulwark.dev/ignore: "k8s/a,k8s/b -- reason"` silences those rules inside the object. */
function annotationScopes(file: YamlFile, objects: K8sObject[]): ScopedSuppression[] {
  const out: ScopedSuppression[] = [];
  for (const obj of objects) {
    const v = get(obj.value, ['metadata', 'annotations', IGNORE_ANNOTATION]);
    if (typeof v !== 'string' || !isRecord(obj.value)) continue;
    const [ids, reason] = parseSuppressionBody(v);
    const node = locate(obj.doc.doc, obj.path).value;
    const scope = nodeRange(file, obj.doc, node);
    if (!scope) continue;
    out.push({
      ids,
      reason,
      scope,
      range: pathRange(file, obj.doc, [...obj.path, 'metadata', 'annotations', IGNORE_ANNOTATION], 'pair'),
    });
  }
  return out;
}
