import type { K8sRule } from '../types';
import { podSpecs } from './podSpec';
import { CIS, PSS } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/host-network',
    title: 'Pod uses the host network',
    severity: 'error',
    category: 'security',
    why: "With `hostNetwork: true` the pod shares the node's network stack: it can bind node ports, reach services listening on localhost and sniff traffic, and NetworkPolicies no longer isolate it. The Pod Security Standards (baseline) forbid it.",
    fix: 'Remove `hostNetwork: true` from the pod spec; run node-level agents in a dedicated, audited namespace if they really need it.',
    references: [PSS, CIS],
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      if (pod.spec.hostNetwork !== true) continue;
      ctx.report(pod.obj, [...pod.path, 'hostNetwork'], { at: 'pair' });
    }
  },
};

export default rule;
