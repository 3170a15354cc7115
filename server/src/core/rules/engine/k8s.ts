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

export function runK8sRules(
  rules: readonly K8sRule[],
  file: YamlFile,
  path: string,
  host: AnalysisHost,
  folderCache: FolderCache,
  config: RuleSettings,
): K8sRun {
  const objects = k8sObjects(file, path);
  let folder: K8sObject[] | undefined;
  const findings: Finding[] = [];
  for (const rule of rules) {
    const reporter = makeReporter(rule.meta, findings);
    const range = (obj: K8sObject, p: PathSegment[], at?: 'key' | 'value' | 'pair') =>
      pathRange(file, obj.doc, [...obj.path, ...p], at);
    const ctx: K8sRuleContext = {
      file,
      objects,
      folderObjects: () => (folder ??= readFolderObjects(path, objects, host, folderCache)),
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
  return { findings, scopes: annotationScopes(file, objects) };
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
