import type { K8sRule } from '../types';
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
    if (
      workloads.some((w) =>
        Object.entries(templateLabels(w) ?? {}).some(([k, v]) => isTemplated(k) || isTemplated(v)),
      )
    )
      return;
    for (const svc of services) {
      const selector = get(svc.value, ['spec', 'selector']);
      if (!isRecord(selector) || Object.keys(selector).length === 0) continue;
      if (Object.entries(selector).some(([k, v]) => isTemplated(k) || isTemplated(v))) continue;
      const matched = workloads.some((w) => {
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

export default rule;
