import type { K8sObject, K8sRule } from '../types';
import { get, isRecord } from './objects';
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
    let budgets: Budgets | undefined;
    for (const obj of ctx.objects) {
      if (obj.kind !== 'Deployment' && obj.kind !== 'StatefulSet') continue;
      const replicas = get(obj.value, ['spec', 'replicas']);
      if (typeof replicas !== 'number' || replicas < 2) continue;
      const labels = templateLabels(obj);
      if (!labels) continue;
      budgets ??= indexBudgets(ctx.folderObjects());
      const covered = budgetCandidates(budgets, labels).some(
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
 * PodDisruptionBudgets of the folder by their first `matchLabels` pair, so a big folder costs
 * workloads + budgets, not their product. Budgets without matchLabels are checked for everyone.
 */
interface Budgets {
  byPair: Map<string, K8sObject[]>;
  others: K8sObject[];
}

const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

function indexBudgets(objects: K8sObject[]): Budgets {
  const byPair = new Map<string, K8sObject[]>();
  const others: K8sObject[] = [];
  for (const o of objects) {
    if (o.kind !== 'PodDisruptionBudget') continue;
    const ml = get(o.value, ['spec', 'selector', 'matchLabels']);
    const first = isRecord(ml) ? Object.entries(ml)[0] : undefined;
    if (!first) {
      others.push(o);
      continue;
    }
    const key = pairKey(first[0], String(first[1]));
    const list = byPair.get(key);
    if (list) list.push(o);
    else byPair.set(key, [o]);
  }
  return { byPair, others };
}

/** Budgets that may select pods with `labels`: a match needs the budget's first pair among them. */
function budgetCandidates(b: Budgets, labels: Record<string, string>): K8sObject[] {
  const out = [...b.others];
  for (const [k, v] of Object.entries(labels)) out.push(...(b.byPair.get(pairKey(k, v)) ?? []));
  return out;
}

export default rule;
