import type { AnalysisHost } from '../../analyzer';
import { classify, type Classification } from '../../classify';
import type { Finding } from '../../types';
import {
  locate,
  nodeRange,
  parseYaml,
  pathRange,
  type DocKey,
  type PathSegment,
  type YamlDoc,
  type YamlFile,
} from '../../yaml/yamlFile';
import { DocSlots, DocumentMemo, shiftRange } from '../../yaml/perDocument';
import { parseSuppressionBody, type ScopedSuppression } from '../../suppress/suppress';
import type { K8sObject, K8sRule, K8sRuleContext, RuleSettings } from '../types';
import { makeReporter } from '../report';
import { get, isRecord, k8sObjects } from '../k8s/objects';
import { FOLDER_LOOKUP, FolderIndex, type FolderLookup } from '../k8s/folderIndex';

export const IGNORE_ANNOTATION = 'bulwark.dev/ignore';

/** Parses of the other files of a folder, keyed by text, so folder rules do not re-parse per keystroke. */
export class FolderCache {
  private parsed = new Map<string, YamlFile>();
  /** Classifications of one folder's files (the folder last asked about). */
  private kinds = new Map<string, { text: string; kind: Classification }>();
  private kindsDir: string | undefined;
  /** The index last handed out, and its folder (see `folderIndex`). */
  private lastIndex: { dir: string; index: FolderIndex } | undefined;

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

  /** `classify`, remembered per path while its text stays the same: every manifest of a folder looks at all the others. */
  kind(path: string, text: string): Classification {
    // One folder's only: a check run going folder by folder would otherwise keep every text.
    const dir = folderOf(path).dir;
    if (dir !== this.kindsDir) {
      this.kinds.clear();
      this.kindsDir = dir;
    }
    const known = this.kinds.get(path);
    if (known?.text === text) return known.kind;
    if (this.kinds.size > 5000) this.kinds.clear();
    const kind = classify(path, text);
    this.kinds.set(path, { text, kind });
    return kind;
  }

  /**
   * The index of the folder of `path`, one for all the folder's files: every file of a folder
   * syncs it to the same documents (its own and its neighbours'), so after the first file the
   * others find it up to date instead of each filing the whole folder into an index of its own
   * (quadratic in the folder's files: a `bulwark check` of 20 manifests filed 400 files' worth).
   * Only the last folder's index is held here; the memos of a folder's files hold theirs, and it
   * goes with them. A file of another folder in between means a fresh index for the folder's next
   * new memo (still correct: each file syncs the index it holds). Not a map of `WeakRef`s: a
   * `WeakRef` keeps its target alive to the end of the current job, so a check run going through
   * folders in one synchronous loop kept every folder's index (135 MB left on the repository).
   */
  folderIndex(path: string): FolderIndex {
    const dir = folderOf(path).dir;
    if (this.lastIndex?.dir !== dir) this.lastIndex = { dir, index: new FolderIndex() };
    return this.lastIndex.index;
  }
}

export interface K8sRun {
  findings: Finding[];
  scopes: ScopedSuppression[];
  /** With `deferRelating`: the findings of the rules that relate objects, once asked for. */
  later?: () => Finding[];
}

/**
 * With a `memo`, each rule runs one document at a time and its findings are reused for
 * documents whose text did not change. A rule that reads the folder (`folderObjects()`, or the
 * lookup of ../k8s/folderIndex) relates objects to each other: from then on it runs against an
 * index of the folder kept up to date document by document, and a document's findings are
 * reused while the document and the index entries its rules looked up stay the same.
 */
export function runK8sRules(
  rules: readonly K8sRule[],
  file: YamlFile,
  path: string,
  host: AnalysisHost,
  folderCache: FolderCache,
  config: RuleSettings,
  memo?: K8sRuleMemo,
  deferRelating = false,
): K8sRun {
  const findings: Finding[] = [];
  const runner = new RuleRunner(file, path, config);
  if (memo) {
    const slots = file.docs.map((d) => memo.docs.at(file, d));
    // Each document's objects, shared by the passes below (and so the pod specs and containers
    // the rules work out from them, see ../k8s/podSpec.ts).
    const objectsOf = new Map<YamlDoc, K8sObject[]>();
    const objectsIn = (d: YamlDoc) => {
      let objects = objectsOf.get(d);
      if (!objects) objectsOf.set(d, (objects = k8sObjects({ ...file, docs: [d] }, path)));
      return objects;
    };
    const done = perDocument(rules, file, runner, memo, slots, objectsIn, findings);
    const relating = rules.filter((r) => !done.has(r.meta.id));
    const relate = (out: Finding[]) =>
      runRelating(relating, file, path, host, folderCache, runner, memo, slots, objectsIn, out);
    const scopes = memoScopes(file, slots, objectsIn);
    if (relating.length === 0) return { findings, scopes };
    if (!deferRelating) {
      relate(findings);
      return { findings, scopes };
    }
    return {
      findings,
      scopes,
      later: () => {
        const out: Finding[] = [];
        relate(out);
        return out;
      },
    };
  }
  const objects = k8sObjects(file, path);
  let folder: K8sObject[] | undefined;
  const folderObjects = () => (folder ??= readFolderObjects(path, objects, host, folderCache));
  const ctx = runner.context(objects, folderObjects);
  for (const rule of rules) runner.run(rule, ctx, findings);
  return { findings, scopes: annotationScopes(file, objects) };
}

/** Per-document rule findings and annotation scopes of one file, and the index of its folder. */
export class K8sRuleMemo {
  readonly docs = new DocumentMemo();
  readonly crossObject = new Set<string>();
  /** The index of the file's folder, shared with the folder's other files (see `FolderCache.folderIndex`). */
  folder: FolderIndex | undefined;
  private readonly keys = new Map<string, string>();

  /**
   * Slot names (long: every rule id) as one string object per name, so looking up thousands of
   * documents compares pointers, not the whole name each time.
   */
  slotKey(name: string): string {
    let k = this.keys.get(name);
    if (k === undefined) this.keys.set(name, (k = name));
    return k;
  }
}

/** The rules that relate objects, document by document against the folder index. */
function runRelating(
  rules: readonly K8sRule[],
  file: YamlFile,
  path: string,
  host: AnalysisHost,
  folderCache: FolderCache,
  runner: RuleRunner,
  memo: K8sRuleMemo,
  docSlots: DocSlots[],
  objectsIn: (d: YamlDoc) => K8sObject[],
  out: Finding[],
): void {
  const index = (memo.folder ??= folderCache.folderIndex(path));
  index.sync(folderDocuments(file, path, host, folderCache));
  const slot = memo.slotKey(`relating:${rules.map((r) => r.meta.id).join(',')}`);
  let all: K8sObject[] | undefined;
  // Index loops here and below: they run over every document of a big file per version.
  for (let i = 0; i < file.docs.length; i++) {
    const d = file.docs[i] as YamlDoc;
    const slots = docSlots[i] as DocSlots;
    let found = slots.get(slot);
    if (!found) {
      found = [];
      const lookup = index.recorder();
      // A rule reading the whole folder list cannot say what it depended on: never reused.
      let untracked = false;
      const folderObjects = () => {
        untracked = true;
        return (all ??= readFolderObjects(path, k8sObjects(file, path), host, folderCache));
      };
      const ctx = runner.context(objectsIn(d), folderObjects, lookup);
      for (const rule of rules) runner.run(rule, ctx, found);
      slots.set(slot, orNone(found), untracked ? () => false : lookup.validity());
    }
    for (const f of found) out.push(f);
  }
}

/** Every document of the folder's Kubernetes files (this one first), with how to get its objects. */
function folderDocuments(
  file: YamlFile,
  path: string,
  host: AnalysisHost,
  cache: FolderCache,
): Map<DocKey, () => K8sObject[]> {
  const out = new Map<DocKey, () => K8sObject[]>();
  const add = (f: YamlFile, p: string) => {
    for (const d of f.docs) if (!out.has(d.key)) out.set(d.key, () => k8sObjects({ ...f, docs: [d] }, p));
  };
  add(file, path);
  forEachFolderFile(path, host, cache, (p, text) => add(cache.parse(text, p), p));
  return out;
}

/** Annotation scopes, document by document, reused (shifted by whole lines) for unchanged documents. */
function memoScopes(
  file: YamlFile,
  docSlots: DocSlots[],
  objectsIn: (d: YamlDoc) => K8sObject[],
): ScopedSuppression[] {
  const out: ScopedSuppression[] = [];
  const scopesOf = (d: YamlDoc) =>
    mayHoldIgnoreAnnotation(d.text) ? annotationScopes(file, objectsIn(d)) : NO_SCOPES;
  for (let i = 0; i < file.docs.length; i++) {
    const slots = docSlots[i] as DocSlots;
    const { data, line } = slots.remember('scopes', scopesOf, file.docs[i] as YamlDoc);
    if (data.length === 0) continue;
    const delta = slots.line - line;
    for (const s of data) {
      out.push(
        delta === 0 ? s : { ...s, scope: shiftRange(s.scope, delta), range: shiftRange(s.range, delta) },
      );
    }
  }
  return out;
}

/**
 * Whether a document's text can hold the ignore annotation: only with the key spelt out, or
 * with an escape in a double-quoted key (hence any backslash). Most documents have neither,
 * and then need no walk of their objects.
 */
function mayHoldIgnoreAnnotation(text: string): boolean {
  return text.includes(IGNORE_ANNOTATION) || text.includes('\\');
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
  runner: RuleRunner,
  memo: K8sRuleMemo,
  docSlots: DocSlots[],
  objectsIn: (d: YamlDoc) => K8sObject[],
  out: Finding[],
): Set<string> {
  let eligible = rules.filter((r) => !memo.crossObject.has(r.meta.id));
  let all = memo.slotKey(`rules:${eligible.map((r) => r.meta.id).join(',')}`);
  const walked = all;
  let crossedInWalk = false;
  // Documents the edit did not touch take their findings from the last walk (see `walk`).
  const found = memo.docs.walk(walked, file, (d, i) => {
    const slots = docSlots[i] as DocSlots;
    let found = slots.get(all);
    if (!found) {
      found = [];
      let ctx: K8sRuleContext | undefined;
      let crossed = false;
      let anyCrossed = false;
      const folderObjects = () => ((crossed = true), []);
      // Only the combined findings are kept: one entry per document is what keeps memory flat.
      for (const rule of eligible) {
        ctx ??= runner.context(objectsIn(d), folderObjects);
        crossed = false;
        const before = found.length;
        runner.run(rule, ctx, found);
        if (crossed) {
          memo.crossObject.add(rule.meta.id);
          found.length = before;
          anyCrossed = true;
        }
      }
      if (anyCrossed) {
        crossedInWalk = true;
        eligible = eligible.filter((r) => !memo.crossObject.has(r.meta.id));
        all = memo.slotKey(`rules:${eligible.map((r) => r.meta.id).join(',')}`);
      }
      slots.set(all, orNone(found));
    }
    return found;
  });
  if (crossedInWalk) {
    // A rule turned out to relate objects: drop what it reported for earlier documents.
    memo.docs.forgetWalk(walked);
    for (const f of found) if (!memo.crossObject.has(f.ruleId)) out.push(f);
  } else for (const f of found) out.push(f);
  return new Set(eligible.map((r) => r.meta.id));
}

/** Most documents have no findings (nor scopes): one shared empty list is kept for them all. */
const NONE: Finding[] = Object.freeze([]) as unknown as Finding[];
const NO_SCOPES: ScopedSuppression[] = Object.freeze([]) as unknown as ScopedSuppression[];

function orNone(found: Finding[]): Finding[] {
  return found.length === 0 ? NONE : found;
}

/**
 * Runs rules one after another through one context per set of objects: a context (and its
 * closures) per rule and document cost more than most checks over the 7,200 documents of a big
 * manifest. A rule's findings go to a buffer first, through one reporter per rule.
 */
class RuleRunner {
  private readonly buffer: Finding[] = [];
  private readonly reporters = new Map<K8sRule, Reporter>();
  private reporter: Reporter | undefined;

  private readonly range: K8sRuleContext['range'];
  private readonly report: K8sRuleContext['report'];

  constructor(
    private readonly file: YamlFile,
    path: string,
    private readonly config: RuleSettings,
  ) {
    const range = (obj: K8sObject, p: PathSegment[], at?: 'key' | 'value' | 'pair') =>
      pathRange(file, obj.doc, [...obj.path, ...p], at);
    this.range = range;
    this.report = (obj, p, options = {}) => {
      // Findings belong to this file only; folder objects are read, never reported on.
      if (obj.file !== path) return;
      this.reporter?.(range(obj, p, options.at), options);
    };
  }

  context(objects: K8sObject[], folderObjects: () => K8sObject[], lookup?: FolderLookup): K8sRuleContext {
    const { file, range, report, config } = this;
    const ctx: K8sRuleContext = { file, objects, folderObjects, report, range, config };
    if (lookup) Object.assign(ctx, { [FOLDER_LOOKUP]: lookup });
    return ctx;
  }

  /** Runs `rule` in `ctx` and appends its findings to `out`. */
  run(rule: K8sRule, ctx: K8sRuleContext, out: Finding[]): void {
    let reporter = this.reporters.get(rule);
    if (!reporter) this.reporters.set(rule, (reporter = makeReporter(rule.meta, this.buffer)));
    this.reporter = reporter;
    try {
      rule.check(ctx);
    } catch {
      // A rule that trips over an unusual document must not hide the other findings.
    }
    this.reporter = undefined;
    for (const f of this.buffer) out.push(f);
    this.buffer.length = 0;
  }
}

type Reporter = ReturnType<typeof makeReporter>;

function readFolderObjects(
  path: string,
  own: K8sObject[],
  host: AnalysisHost,
  cache: FolderCache,
): K8sObject[] {
  const out = [...own];
  forEachFolderFile(path, host, cache, (p, text) => out.push(...k8sObjects(cache.parse(text, p), p)));
  return out;
}

/** The other Kubernetes files of the folder of `path`. */
function forEachFolderFile(
  path: string,
  host: AnalysisHost,
  cache: FolderCache,
  each: (path: string, text: string) => void,
): void {
  const { dir, sep, self } = folderOf(path);
  for (const name of host.listDir(dir) ?? []) {
    if (name === self || !/\.ya?ml$/i.test(name)) continue;
    const p = `${dir}${sep}${name}`;
    const text = host.readFile(p);
    if (text === undefined || cache.kind(p, text) !== 'kubernetes') continue;
    each(p, text);
  }
}

/** The folder of `path`, the separator it uses and the file's name. */
function folderOf(path: string): { dir: string; sep: string; self: string } {
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const cut = path.lastIndexOf(sep);
  return { dir: cut >= 0 ? path.slice(0, cut) : '.', sep, self: path.slice(cut + 1) };
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
