import type { K8sRule } from '../types';
import { get } from './objects';
import { sameNamespace, selectorMatches, templateLabels } from './podSpec';
import { PDB } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/missing-pod-disruption-budget',
    title: 'Multi-replica workload without a PodDisruptionBudget',
    severity: 'info',
    category: 'reliability',
    why: 'Without a PodDisruptionBudget, a node drain or cluster upgrade may evict every replica at once, so running several replicas does not protect the service. Checked against the PodDisruptionBudgets of the same folder.',
    fix: 'Add a PodDisruptionBudget whose selector matches the pod template labels, e.g. `minAvailable: 1` or `maxUnavailable: 1`.',
    references: [PDB],
  },
  check(ctx) {
    for (const obj of ctx.objects) {
      if (obj.kind !== 'Deployment' && obj.kind !== 'StatefulSet') continue;
      const replicas = get(obj.value, ['spec', 'replicas']);
      if (typeof replicas !== 'number' || replicas < 2) continue;
      const labels = templateLabels(obj);
      if (!labels) continue;
      const covered = ctx
        .folderObjects()
        .some(
          (o) =>
            o.kind === 'PodDisruptionBudget' &&
            sameNamespace(o, obj) &&
            selectorMatches(get(o.value, ['spec', 'selector']), labels),
        );
      if (covered) continue;
      ctx.report(obj, ['spec', 'replicas'], {
        at: 'pair',
        message: `${obj.kind} '${obj.name ?? ''}' has ${replicas} replicas but no PodDisruptionBudget in this folder.`,
      });
    }
  },
};

export default rule;
