import type { DocKey } from '../../yaml/yamlFile';
import type { K8sObject, K8sRuleContext } from '../types';
import { get, isRecord, isTemplated } from './objects';
import { templateLabels, WORKLOAD_KINDS } from './podSpec';

/**
 * The folder's objects filed under the keys the relating rules look them up by, so a rule
 * reads the few objects that can relate to the one it checks, and the engine can tell which
 * of them a finding depended on (and reuse the finding while they stay the same).
 */
export interface FolderLookup {
  /** Objects filed under `key`. */
  get(key: string): readonly K8sObject[];
  /** True when some object is filed under `key` (a dependency on that alone, not on which). */
  has(key: string): boolean;
}

const pair = (k: string, v: unknown) => `${k}\u0000${String(v)}`;

/** Keys for lookups. A match still has to be confirmed on the objects found. */
export const keys = {
  /** Budgets whose first `matchLabels` pair is `k: v`. */
  budgetPair: (k: string, v: string) => `pdb:${pair(k, v)}`,
  /** Budgets without `matchLabels`: candidates for every workload. */
  budgetOthers: 'pdb:others',
  /** Workloads whose pod labels hold `k: v`. */
  workloadPair: (k: string, v: string) => `wl:${pair(k, v)}`,
  /** Workloads with pod labels. */
  workloadLabelled: 'wl:labelled',
  /** Any workload. */
  workloadAny: 'wl:any',
  /** Workloads whose pod labels come from a template engine. */
  workloadTemplated: 'wl:templated',
  /** Autoscalers targeting `kind` named `name` (absent name: undefined). */
  scaler: (kind: string, name: string | undefined) =>
    `scale:${pair(kind, name === undefined ? '\u0001' : name)}`,
  /** ServiceAccounts named `name`. */
  serviceAccount: (name: string) => `sa:${name}`,
};

/** The keys an object is filed under. */
export function keysOf(o: K8sObject): string[] {
  const out: string[] = [];
  if (o.kind === 'PodDisruptionBudget') {
    const ml = get(o.value, ['spec', 'selector', 'matchLabels']);
    const first = isRecord(ml) ? Object.entries(ml)[0] : undefined;
    out.push(first ? keys.budgetPair(first[0], String(first[1])) : keys.budgetOthers);
  }
  if (WORKLOAD_KINDS.has(o.kind)) {
    out.push(keys.workloadAny);
    const labels = templateLabels(o);
    if (labels) {
      out.push(keys.workloadLabelled);
      const entries = Object.entries(labels);
      if (entries.some(([k, v]) => isTemplated(k) || isTemplated(v))) out.push(keys.workloadTemplated);
      for (const [k, v] of entries) out.push(keys.workloadPair(k, v));
    }
  }
  if (o.kind === 'HorizontalPodAutoscaler' || o.kind === 'ScaledObject') {
    const ref = get(o.value, ['spec', 'scaleTargetRef']);
    if (isRecord(ref) && (typeof ref.name === 'string' || ref.name === undefined)) {
      out.push(keys.scaler(String(ref.kind ?? 'Deployment'), ref.name));
    }
  }
  if (o.kind === 'ServiceAccount' && o.name !== undefined) out.push(keys.serviceAccount(o.name));
  return out;
}

/** A context's lookup: the engine's incremental one when it attached one, else built here. */
export function folderLookup(ctx: K8sRuleContext): FolderLookup {
  const attached = (ctx as { [FOLDER_LOOKUP]?: FolderLookup })[FOLDER_LOOKUP];
  if (attached) return attached;
  const objects = ctx.folderObjects();
  let built = plainIndexes.get(objects);
  if (!built) plainIndexes.set(objects, (built = new FolderIndex(objects)));
  return built;
}

/** Where the engine attaches its lookup to a rule context. */
export const FOLDER_LOOKUP = Symbol('bulwark.folderLookup');

const plainIndexes = new WeakMap<readonly K8sObject[], FolderIndex>();

interface Bucket {
  items: Set<K8sObject>;
  /** Clock value of the last change. */
  stamp: number;
}

/**
 * The lookup, kept up to date document by document: `sync` files the objects of documents new
 * since the last call and withdraws those of documents gone, stamping the buckets it touched.
 */
export class FolderIndex implements FolderLookup {
  private readonly buckets = new Map<string, Bucket>();
  private readonly docs = new Map<DocKey, K8sObject[]>();
  private clock = 0;

  constructor(objects?: readonly K8sObject[]) {
    for (const o of objects ?? []) this.file(o, 1);
  }

  /** Makes the index hold the objects of exactly these documents (objects computed for new ones only). */
  sync(current: Map<DocKey, () => K8sObject[]>): void {
    // forEach, not for-of: no entry array per document (thousands per keystroke in a big file).
    this.docs.forEach((objects, doc) => {
      if (current.has(doc)) return;
      for (const o of objects) this.file(o, -1);
      this.docs.delete(doc);
    });
    current.forEach((objectsOf, doc) => {
      if (this.docs.has(doc)) return;
      const objects = objectsOf();
      for (const o of objects) this.file(o, 1);
      this.docs.set(doc, objects);
    });
  }

  get(key: string): readonly K8sObject[] {
    const b = this.buckets.get(key);
    return b ? [...b.items] : [];
  }

  has(key: string): boolean {
    return (this.buckets.get(key)?.items.size ?? 0) > 0;
  }

  /** A lookup that remembers what it answered; `validity()` tells later whether that still holds. */
  recorder(): RecordingLookup {
    return new RecordingLookup(this);
  }

  stampOf(key: string): number {
    return this.buckets.get(key)?.stamp ?? 0;
  }

  /**
   * The bucket of `key`, made empty (stamp 0) when there is none yet: buckets are never removed,
   * so a lookup can keep the bucket and re-check it later without hashing the key again.
   */
  bucketOf(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { items: new Set(), stamp: 0 }));
    return b;
  }

  private file(o: K8sObject, sign: 1 | -1): void {
    const stamp = ++this.clock;
    for (const key of keysOf(o)) {
      let b = this.buckets.get(key);
      if (!b) this.buckets.set(key, (b = { items: new Set(), stamp }));
      if (sign > 0) b.items.add(o);
      else b.items.delete(o);
      b.stamp = stamp;
    }
  }
}

/**
 * Records the buckets it read (with their stamps) and the answers of `has`. The validity check
 * runs for every document of a big file per version: it compares fields of the buckets held,
 * no key hashing.
 */
class RecordingLookup implements FolderLookup {
  // Made on the first look-up: most documents (of the thousands of a big file) look up nothing.
  private read: Bucket[] | undefined;
  private stamps: number[] | undefined;
  private asked: Bucket[] | undefined;
  private answers: boolean[] | undefined;

  constructor(private readonly index: FolderIndex) {}

  get(key: string): readonly K8sObject[] {
    const b = this.index.bucketOf(key);
    (this.read ??= []).push(b);
    (this.stamps ??= []).push(b.stamp);
    return [...b.items];
  }

  has(key: string): boolean {
    const b = this.index.bucketOf(key);
    const v = b.items.size > 0;
    (this.asked ??= []).push(b);
    (this.answers ??= []).push(v);
    return v;
  }

  validity(): (() => boolean) | undefined {
    const read = this.read ?? [];
    const stamps = this.stamps ?? [];
    const asked = this.asked ?? [];
    const answers = this.answers ?? [];
    if (read.length === 0 && asked.length === 0) return undefined;
    return () => {
      for (let i = 0; i < read.length; i++) if ((read[i] as Bucket).stamp !== stamps[i]) return false;
      for (let i = 0; i < asked.length; i++)
        if ((asked[i] as Bucket).items.size > 0 !== answers[i]) return false;
      return true;
    };
  }
}
