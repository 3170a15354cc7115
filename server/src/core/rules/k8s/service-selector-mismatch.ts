import type { K8sObject, K8sRule } from '../types';
import { get, isRecord, isTemplated } from './objects';
import { sameNamespace, selectorMatches, templateLabels, WORKLOAD_KINDS } from './podSpec';
import { SERVICE } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/service-selector-mismatch',
    title: 'Service selector matches no workload in the folder',
    severity: 'warning',
    category: 'reliability',
    why: 'A Service whose selector matches no pod has no endpoints: traffic to it fails, usually because of a typo in a label. Only reported when the folder holds at least one workload, so Services deployed apart from their workloads stay silent.',
    fix: 'Make `spec.selector` equal to (a subset of) the pod template labels of the workload it fronts.',
    references: [SERVICE],
  },
  check(ctx) {
    const services = ctx.objects.filter((o) => o.kind === 'Service');
    if (services.length === 0) return;
    const workloads = ctx.folderObjects().filter((o) => WORKLOAD_KINDS.has(o.kind));
    if (workloads.length === 0) return;
    const labelled: Labelled[] = [];
    for (const w of workloads) {
      const labels = templateLabels(w);
      if (labels && Object.entries(labels).some(([k, v]) => isTemplated(k) || isTemplated(v))) return;
      if (labels) labelled.push({ w, labels });
    }
    const byLabel = indexByLabel(labelled);
    for (const svc of services) {
      const selector = get(svc.value, ['spec', 'selector']);
      if (!isRecord(selector) || Object.keys(selector).length === 0) continue;
      if (Object.entries(selector).some(([k, v]) => isTemplated(k) || isTemplated(v))) continue;
      const matched = candidates(selector, byLabel, labelled).some(
        ({ w, labels }) => sameNamespace(w, svc) && selectorMatches(selector, labels),
      );
      if (matched) continue;
      ctx.report(svc, ['spec', 'selector'], {
        at: 'key',
        message: `Service '${svc.name ?? ''}' selects no pod of the workloads in this folder.`,
      });
    }
  },
};

interface Labelled {
  w: K8sObject;
  labels: Record<string, string>;
}

const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

/** Workloads by each of their pod label pairs: a big folder must not cost services x workloads. */
function indexByLabel(labelled: Labelled[]): Map<string, Labelled[]> {
  const index = new Map<string, Labelled[]>();
  for (const l of labelled) {
    for (const [k, v] of Object.entries(l.labels)) {
      const key = pairKey(k, v);
      const list = index.get(key);
      if (list) list.push(l);
      else index.set(key, [l]);
    }
  }
  return index;
}

/** Workloads that can match a plain selector: those carrying its first pair (all, for a structured one). */
function candidates(selector: Record<string, unknown>, index: Map<string, Labelled[]>, all: Labelled[]) {
  if ('matchLabels' in selector || 'matchExpressions' in selector) return all;
  const first = Object.entries(selector)[0];
  return first ? (index.get(pairKey(first[0], String(first[1]))) ?? []) : all;
}

export default rule;
