import type { K8sObject, K8sRule } from '../types';
import { folderLookup, keys, type FolderLookup } from './folderIndex';
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
    let folder: FolderLookup | undefined;
    for (const obj of ctx.objects) {
      if (obj.kind !== 'Deployment' && obj.kind !== 'StatefulSet') continue;
      const replicas = get(obj.value, ['spec', 'replicas']);
      if (typeof replicas !== 'number' || replicas < 2) continue;
      const labels = templateLabels(obj);
      if (!labels) continue;
      folder ??= folderLookup(ctx);
      const covered = budgetCandidates(folder, labels).some(
        (o) => sameNamespace(o, obj) && selectorMatches(get(o.value, ['spec', 'selector']), labels),
      );
      if (covered) continue;
      ctx.report(obj, ['spec', 'replicas'], {
        at: 'pair',
        message: `${obj.kind} '${obj.name ?? ''}' has ${replicas} replicas but no PodDisruptionBudget in this folder.`,
      });
    }
  },
};

/**
 * Budgets that may select pods with `labels`: those filed under one of its pairs (a budget is
 * filed under its first `matchLabels` pair, which a match needs), and those without matchLabels.
 * A big folder so costs workloads + budgets, not their product.
 */
function budgetCandidates(folder: FolderLookup, labels: Record<string, string>): K8sObject[] {
  const out = [...folder.get(keys.budgetOthers)];
  for (const [k, v] of Object.entries(labels)) out.push(...folder.get(keys.budgetPair(k, v)));
  return out;
}

export default rule;
