import type { K8sRule } from '../types';
import { CONFIG_BEST, RESOURCES } from './refs';
import { checkResource } from './resources';

const rule: K8sRule = {
  meta: {
    id: 'k8s/cpu-requests',
    title: 'Container has no CPU request',
    severity: 'warning',
    category: 'reliability',
    why: 'Without a CPU request the scheduler places the pod as if it needed no CPU, so nodes get overcommitted and the pod is first to be starved under contention.',
    fix: 'Set `resources.requests.cpu` on every container (and init container) to what the process needs.',
    references: [RESOURCES, CONFIG_BEST],
    fixable: true,
  },
  check: (ctx) => checkResource(ctx, 'requests', 'cpu'),
};

export default rule;
