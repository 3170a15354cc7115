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

  parse(text: string): YamlFile {
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
  const perDoc = memo ? perDocument(rules, file, path, config, memo) : undefined;
  const findings: Finding[] = [];
  for (const rule of rules) {
    const own = perDoc?.get(rule.meta.id);
    if (own) for (const f of own) findings.push(f);
    else runRule(rule, file, path, objects, folderObjects, config, findings);
  }
  return { findings, scopes: annotationScopes(file, objects) };
}

/** Per-document rule findings of one file, and the rules found to relate objects across documents. */
export class K8sRuleMemo {
  readonly docs = new DocumentMemo();
  readonly crossObject = new Set<string>();
}

/**
 * Findings of the rules not known to relate objects, document by document, reusing those of
 * unchanged documents. A rule that reads `folderObjects()` is left out (and remembered as such).
 */
function perDocument(
  rules: readonly K8sRule[],
  file: YamlFile,
  path: string,
  config: RuleSettings,
  memo: K8sRuleMemo,
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const r of rules) if (!memo.crossObject.has(r.meta.id)) out.set(r.meta.id, []);
  for (const d of file.docs) {
    const slots = memo.docs.at(file, d);
    let objects: K8sObject[] | undefined;
    for (const [id, acc] of out) {
      let found = slots.get(id);
      if (!found) {
        const rule = rules.find((r) => r.meta.id === id) as K8sRule;
        objects ??= k8sObjects({ ...file, docs: [d] }, path);
        let crossed = false;
        found = [];
        runRule(rule, file, path, objects, () => ((crossed = true), []), config, found);
        if (crossed) {
          memo.crossObject.add(id);
          out.delete(id);
          continue;
        }
        slots.set(id, found);
      }
      for (const f of found) acc.push(f);
    }
  }
  return out;
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
    out.push(...k8sObjects(cache.parse(text), p));
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
