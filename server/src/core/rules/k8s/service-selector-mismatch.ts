import type { K8sObject, K8sRule } from '../types';
import { get, isRecord, isTemplated } from './objects';
import { folderLookup, keys, type FolderLookup } from './folderIndex';
import { sameNamespace, selectorMatches, templateLabels } from './podSpec';
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
    const folder = folderLookup(ctx);
    if (!folder.has(keys.workloadAny) || folder.has(keys.workloadTemplated)) return;
    for (const svc of services) {
      const selector = get(svc.value, ['spec', 'selector']);
      if (!isRecord(selector) || Object.keys(selector).length === 0) continue;
      if (Object.entries(selector).some(([k, v]) => isTemplated(k) || isTemplated(v))) continue;
      const matched = candidates(selector, folder).some((w) => {
        const labels = templateLabels(w);
        return labels !== undefined && sameNamespace(w, svc) && selectorMatches(selector, labels);
      });
      if (matched) continue;
      ctx.report(svc, ['spec', 'selector'], {
        at: 'key',
        message: `Service '${svc.name ?? ''}' selects no pod of the workloads in this folder.`,
      });
    }
  },
};

/**
 * Workloads that can match a plain selector: those carrying its first pair (every labelled
 * one, for a structured selector), so a big folder does not cost services x workloads.
 */
function candidates(selector: Record<string, unknown>, folder: FolderLookup): readonly K8sObject[] {
  if ('matchLabels' in selector || 'matchExpressions' in selector) return folder.get(keys.workloadLabelled);
  const [k, v] = Object.entries(selector)[0] as [string, unknown];
  return folder.get(keys.workloadPair(k, String(v)));
}

export default rule;
