import type { K8sRule } from '../types';
import { podSpecs } from './podSpec';
import { CIS, PSS } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/host-pid',
    title: 'Pod shares the host PID namespace',
    severity: 'error',
    category: 'security',
    why: 'With `hostPID: true` the pod sees every process of the node and can signal or trace them (and read their environment). The Pod Security Standards (baseline) forbid it.',
    fix: 'Remove `hostPID: true` from the pod spec; run node-level agents in a dedicated, audited namespace if they really need it.',
    references: [PSS, CIS],
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      if (pod.spec.hostPID !== true) continue;
      ctx.report(pod.obj, [...pod.path, 'hostPID'], { at: 'pair' });
    }
  },
};

export default rule;
