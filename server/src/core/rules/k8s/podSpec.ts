import type { PathSegment } from '../../yaml/yamlFile';
import type { K8sObject, K8sRuleContext } from '../types';
import { get, isRecord } from './objects';

/** Where each pod-bearing kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, PathSegment[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  // OpenShift's Deployment predecessor, still common in OpenShift manifests.
  DeploymentConfig: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export const WORKLOAD_KINDS = new Set(Object.keys(POD_SPEC_PATHS).filter((k) => k !== 'PodTemplate'));

export interface PodSpecRef {
  obj: K8sObject;
  /** Path of the pod spec inside the object. */
  path: PathSegment[];
  spec: Record<string, unknown>;
  /** Path of the pod's metadata (the template's, or the Pod's own). */
  metadataPath: PathSegment[];
  /** Run-to-completion pods (Job, CronJob): probes make no sense there. */
  runsToCompletion: boolean;
}

export type ContainerType = 'container' | 'init' | 'ephemeral';

export interface ContainerRef {
  pod: PodSpecRef;
  /** Path of the container inside the object. */
  path: PathSegment[];
  value: Record<string, unknown>;
  type: ContainerType;
  name?: string;
}

const CONTAINER_LISTS: [string, ContainerType][] = [
  ['containers', 'container'],
  ['initContainers', 'init'],
  ['ephemeralContainers', 'ephemeral'],
];

/**
 * Pod specs and containers, worked out once per object: the engine hands every rule of a document
 * the same objects, and some twenty rules ask for the same containers. Keyed by the object (not its
 * value): an object also says where its document is, which moves between versions.
 * Shared between rules: never modify what these return.
 */
const podOf = new WeakMap<K8sObject, PodSpecRef | null>();
const containersOfPod = new WeakMap<PodSpecRef, ContainerRef[]>();

export function podSpecOf(obj: K8sObject): PodSpecRef | undefined {
  let pod = podOf.get(obj);
  if (pod === undefined) podOf.set(obj, (pod = computePodSpec(obj) ?? null));
  return pod ?? undefined;
}

function computePodSpec(obj: K8sObject): PodSpecRef | undefined {
  const path = POD_SPEC_PATHS[obj.kind];
  if (!path) return undefined;
  const spec = get(obj.value, path);
  if (!isRecord(spec)) return undefined;
  return {
    obj,
    path,
    spec,
    metadataPath: [...path.slice(0, -1), 'metadata'],
    runsToCompletion: obj.kind === 'Job' || obj.kind === 'CronJob',
  };
}

export function podSpecs(objects: readonly K8sObject[]): PodSpecRef[] {
  const out: PodSpecRef[] = [];
  for (const o of objects) {
    const p = podSpecOf(o);
    if (p) out.push(p);
  }
  return out;
}

export function containersOf(pod: PodSpecRef, types?: readonly ContainerType[]): ContainerRef[] {
  const out: ContainerRef[] = [];
  pushContainers(pod, types, out);
  return out;
}

function pushContainers(
  pod: PodSpecRef,
  types: readonly ContainerType[] | undefined,
  out: ContainerRef[],
): void {
  let all = containersOfPod.get(pod);
  if (!all) containersOfPod.set(pod, (all = computeContainers(pod)));
  for (const c of all) if (!types || types.includes(c.type)) out.push(c);
}

function computeContainers(pod: PodSpecRef): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const [list, type] of CONTAINER_LISTS) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const c: unknown = items[i];
      if (!isRecord(c)) continue;
      out.push({
        pod,
        path: [...pod.path, list, i],
        value: c,
        type,
        name: typeof c.name === 'string' ? c.name : undefined,
      });
    }
  }
  return out;
}

/** Every container of every pod-bearing object of the file. */
export function allContainers(
  objects: readonly K8sObject[],
  types?: readonly ContainerType[],
): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const o of objects) {
    const p = podSpecOf(o);
    if (p) pushContainers(p, types, out);
  }
  return out;
}

/**
 * A container's security setting with the pod-level default applied, where Kubernetes has one
 * (runAsNonRoot, runAsUser, seccompProfile...): container wins over pod.
 */
export function effectiveSecurity(c: ContainerRef, key: string): { value: unknown; path?: PathSegment[] } {
  const own = get(c.value, ['securityContext', key]);
  if (own !== undefined && own !== null) return { value: own, path: [...c.path, 'securityContext', key] };
  const pod = get(c.pod.spec, ['securityContext', key]);
  if (pod !== undefined && pod !== null) return { value: pod, path: [...c.pod.path, 'securityContext', key] };
  return { value: undefined };
}

export function containerLabel(c: ContainerRef): string {
  const kind =
    c.type === 'init' ? 'Init container' : c.type === 'ephemeral' ? 'Ephemeral container' : 'Container';
  return c.name ? `${kind} '${c.name}'` : kind;
}

/** A missing container field is reported on the container's `name` (or the item when unnamed). */
export function containerAnchor(c: ContainerRef): PathSegment[] {
  return c.name !== undefined ? [...c.path, 'name'] : c.path;
}

export function reportContainer(
  ctx: K8sRuleContext,
  c: ContainerRef,
  options: Parameters<K8sRuleContext['report']>[2] = {},
): void {
  ctx.report(c.pod.obj, containerAnchor(c), { at: 'pair', ...options });
}

/**
 * Parsed values stay the same objects while their document is unchanged, so folder rules that
 * read every workload's labels on each keystroke find them here.
 */
const labelsOf = new WeakMap<object, { kind: string; labels: Record<string, string> | undefined }>();

/** Labels of the pods a workload creates (its template's, or a Pod's own). Do not modify the result. */
export function templateLabels(obj: K8sObject): Record<string, string> | undefined {
  const known = labelsOf.get(obj.value);
  if (known && known.kind === obj.kind) return known.labels;
  const labels = computeTemplateLabels(obj);
  labelsOf.set(obj.value, { kind: obj.kind, labels });
  return labels;
}

function computeTemplateLabels(obj: K8sObject): Record<string, string> | undefined {
  // Read from the kind's template path, not podSpecOf: a template may carry labels before its spec.
  const path = POD_SPEC_PATHS[obj.kind];
  if (!path) return undefined;
  const labels = get(obj.value, [...path.slice(0, -1), 'metadata', 'labels']);
  if (!isRecord(labels)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) out[k] = String(v);
  return out;
}

/** matchLabels / matchExpressions of a LabelSelector, or a plain map selector (Service). */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) return false;
  const hasStructured = 'matchLabels' in selector || 'matchExpressions' in selector;
  const matchLabels = hasStructured ? selector.matchLabels : selector;
  if (isRecord(matchLabels)) {
    for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== String(v)) return false;
  }
  const exprs = hasStructured ? selector.matchExpressions : undefined;
  if (Array.isArray(exprs)) {
    for (const e of exprs) {
      if (!isRecord(e) || typeof e.key !== 'string') continue;
      const values = Array.isArray(e.values) ? e.values.map(String) : [];
      const has = e.key in labels;
      const val = labels[e.key];
      if (e.operator === 'In' && !(has && values.includes(val ?? ''))) return false;
      if (e.operator === 'NotIn' && has && values.includes(val ?? '')) return false;
      if (e.operator === 'Exists' && !has) return false;
      if (e.operator === 'DoesNotExist' && has) return false;
    }
  }
  return true;
}

/** Same namespace, treating an unset namespace as "the one it will be applied to". */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return (
    (a.namespace ?? '') === (b.namespace ?? '') || a.namespace === undefined || b.namespace === undefined
  );
}
