import type { K8sRule } from '../types';
import { CONFIG_BEST, RESOURCES } from './refs';
import { checkResource } from './resources';

const rule: K8sRule = {
  meta: {
    id: 'k8s/memory-requests',
    title: 'Container has no memory request',
    severity: 'warning',
    category: 'reliability',
    why: 'Without a memory request the scheduler cannot place the pod by what it really uses, and the pod is among the first to be evicted under memory pressure.',
    fix: 'Set `resources.requests.memory` on every container (and init container) to what the process needs.',
    references: [RESOURCES, CONFIG_BEST],
    fixable: true,
  },
  check: (ctx) => checkResource(ctx, 'requests', 'memory'),
};

export default rule;
