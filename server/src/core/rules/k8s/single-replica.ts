import type { K8sRule } from '../types';
import { folderLookup, keys } from './folderIndex';
import { HPA, PDB } from './refs';
import { hasAutoscaler } from './workloads';

const rule: K8sRule = {
  meta: {
    id: 'k8s/single-replica',
    title: 'Deployment runs a single replica',
    severity: 'warning',
    category: 'reliability',
    why: 'With `replicas: 1`, every rollout, node drain or crash takes the service down. Only an explicit `replicas: 1` is reported (an unset count is often managed elsewhere), and not when a HorizontalPodAutoscaler in the folder scales the Deployment.',
    fix: 'Run at least two replicas (spread across nodes with topologySpreadConstraints or anti-affinity), or scale it with a HorizontalPodAutoscaler.',
    references: [PDB, HPA],
  },
  check(ctx) {
    for (const obj of ctx.objects) {
      if (obj.kind !== 'Deployment') continue;
      const spec = obj.value.spec as { replicas?: unknown } | undefined;
      if (spec?.replicas !== 1) continue;
      if (hasAutoscaler(obj, folderLookup(ctx).get(keys.scaler(obj.kind, obj.name)))) continue;
      ctx.report(obj, ['spec', 'replicas'], {
        at: 'pair',
        message: `Deployment '${obj.name ?? ''}' runs a single replica.`,
      });
    }
  },
};

export default rule;
