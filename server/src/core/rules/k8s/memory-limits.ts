import type { K8sRule } from '../types';
import { CONFIG_BEST, RESOURCES } from './refs';
import { checkResource } from './resources';

const rule: K8sRule = {
  meta: {
    id: 'k8s/memory-limits',
    title: 'Container has no memory limit',
    severity: 'warning',
    category: 'reliability',
    why: "Without a memory limit a leaking container can consume the node's memory until the kernel OOM-kills other workloads.",
    fix: 'Set `resources.limits.memory` on every container (and init container) to what the process needs.',
    references: [RESOURCES, CONFIG_BEST],
    fixable: true,
  },
  check: (ctx) => checkResource(ctx, 'limits', 'memory'),
};

export default rule;
