/** Reads kubectl output (diff, -o name, deployment JSON) into what panels show. Pure. */

export interface KubeObjectRef {
  /** kubectl's resource name, e.g. "deployment.apps". */
  resource: string;
  name: string;
}

export interface KubeDiffEntry {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  /** The unified diff of this object (live vs merged). */
  diff: string;
  created: boolean;
}

const WORKLOADS = new Set(['deployment', 'statefulset', 'daemonset']);

/** Parses `kubectl apply -o name` lines ("deployment.apps/web") into object references. */
export function parseNames(stdout: string): KubeObjectRef[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[a-z0-9.-]+\/\S+$/.test(l))
    .map((l) => {
      const i = l.indexOf('/');
      return { resource: l.slice(0, i), name: l.slice(i + 1) };
    });
}

/** The workloads (deployments, statefulsets, daemonsets) among applied objects: those with a rollout. */
export function workloadsOf(refs: readonly KubeObjectRef[]): KubeObjectRef[] {
  return refs.filter((r) => WORKLOADS.has(r.resource.split('.')[0] ?? ''));
}

export function refText(r: KubeObjectRef): string {
  return `${r.resource}/${r.name}`;
}

/** Splits `kubectl diff` output (from `diff -u -N LIVE MERGED`) into one entry per object. */
export function parseKubeDiff(stdout: string): KubeDiffEntry[] {
  const out: KubeDiffEntry[] = [];
  const chunks = stdout.split(/^(?=diff -u -N )/m).filter((c) => c.startsWith('diff -u -N '));
  for (const chunk of chunks) {
    const header = chunk.slice(0, chunk.indexOf('\n') >= 0 ? chunk.indexOf('\n') : undefined);
    const merged = header.split(/\s+/).pop() ?? '';
    const base = merged.slice(merged.lastIndexOf('/') + 1);
    const ref = parseDiffName(base);
    const live = /^--- \S+\s/m.exec(chunk);
    out.push({
      ...ref,
      diff: chunk.slice(chunk.indexOf('\n') + 1).trimEnd(),
      created: live !== null && /^@@ -0,0 /m.test(chunk),
    });
  }
  return out;
}

/** "apps.v1.Deployment.shop.web" / "v1.ConfigMap.shop.cfg" / "rbac.authorization.k8s.io.v1.ClusterRole..x". */
export function parseDiffName(base: string): Omit<KubeDiffEntry, 'diff' | 'created'> {
  const parts = base.split('.');
  const vi = parts.findIndex(
    (p, i) => /^v\d+((alpha|beta)\d+)?$/.test(p) && /^[A-Z]/.test(parts[i + 1] ?? ''),
  );
  if (vi < 0) return { apiVersion: '', kind: '', namespace: '', name: base };
  const group = parts.slice(0, vi).join('.');
  return {
    apiVersion: group ? `${group}/${parts[vi]}` : (parts[vi] ?? ''),
    kind: parts[vi + 1] ?? '',
    namespace: parts[vi + 2] ?? '',
    name: parts.slice(vi + 3).join('.'),
  };
}

export interface WorkloadCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface WorkloadStatus {
  kind: string;
  name: string;
  namespace?: string;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  revision?: number;
  images: string[];
  conditions: WorkloadCondition[];
  /** Set when the rollout cannot succeed (e.g. ProgressDeadlineExceeded). */
  failureReason?: string;
  complete: boolean;
}

interface RawWorkload {
  kind?: string;
  metadata?: { name?: string; namespace?: string; generation?: number; annotations?: Record<string, string> };
  spec?: { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: WorkloadCondition[];
    // statefulset / daemonset
    desiredNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberReady?: number;
    numberAvailable?: number;
  };
}

export function parseWorkload(json: unknown): WorkloadStatus {
  const w = (json ?? {}) as RawWorkload;
  const s = w.status ?? {};
  const desired = w.spec?.replicas ?? s.desiredNumberScheduled ?? 1;
  const updated = s.updatedReplicas ?? s.updatedNumberScheduled ?? 0;
  const ready = s.readyReplicas ?? s.numberReady ?? 0;
  const available = s.availableReplicas ?? s.numberAvailable ?? 0;
  const conditions = (s.conditions ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
  }));
  const stuck = conditions.find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
  const observed = (s.observedGeneration ?? 0) >= (w.metadata?.generation ?? 0);
  const rev = w.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  return {
    kind: w.kind ?? '',
    name: w.metadata?.name ?? '',
    namespace: w.metadata?.namespace,
    desired,
    updated,
    ready,
    available,
    revision: rev !== undefined ? Number(rev) : undefined,
    images: (w.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
    conditions,
    failureReason: stuck ? `ProgressDeadlineExceeded: ${stuck.message ?? ''}`.trim() : undefined,
    complete:
      !stuck &&
      observed &&
      updated === desired &&
      (s.replicas ?? desired) === desired &&
      available >= desired,
  };
}

export interface RevisionEntry {
  revision: number;
  changeCause?: string;
}

/** Parses `kubectl rollout history` ("REVISION  CHANGE-CAUSE" table). */
export function parseHistory(stdout: string): RevisionEntry[] {
  const out: RevisionEntry[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^\s*(\d+)\s+(.*?)\s*$/.exec(line);
    if (!m) continue;
    const cause = m[2] && m[2] !== '<none>' ? m[2] : undefined;
    out.push({ revision: Number(m[1]), changeCause: cause });
  }
  return out;
}
