import type { K8sRule } from '../types';
import { get } from './objects';
import { SERVICE } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/service-nodeport',
    title: 'Service of type NodePort',
    severity: 'warning',
    category: 'security',
    why: 'A NodePort Service opens the same port on every node of the cluster, bypassing ingress controls and exposing the workload wherever the nodes are reachable.',
    fix: 'Use a ClusterIP Service behind an Ingress or Gateway, or an internal LoadBalancer.',
    references: [SERVICE],
  },
  check(ctx) {
    for (const obj of ctx.objects) {
      if (obj.kind !== 'Service' || get(obj.value, ['spec', 'type']) !== 'NodePort') continue;
      ctx.report(obj, ['spec', 'type'], {
        at: 'pair',
        message: `Service '${obj.name ?? ''}' is exposed on every node (NodePort).`,
      });
    }
  },
};

export default rule;
