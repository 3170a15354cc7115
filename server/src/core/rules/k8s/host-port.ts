import type { K8sRule } from '../types';
import { isRecord } from './objects';
import { allContainers, containerLabel } from './podSpec';
import { CONFIG_BEST, PSS } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/host-port',
    title: 'Container binds a host port',
    severity: 'warning',
    category: 'security',
    why: 'A `hostPort` opens the port on the node itself, bypassing NetworkPolicies, and limits where the pod can be scheduled (one per node and port). The Pod Security Standards (baseline) disallow host ports.',
    fix: 'Remove `hostPort` and expose the container through a Service.',
    references: [PSS, CONFIG_BEST],
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      const ports = c.value.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((p, i) => {
        if (!isRecord(p) || typeof p.hostPort !== 'number' || p.hostPort <= 0) return;
        ctx.report(c.pod.obj, [...c.path, 'ports', i, 'hostPort'], {
          at: 'pair',
          message: `${containerLabel(c)} binds host port ${p.hostPort}.`,
        });
      });
    }
  },
};

export default rule;
