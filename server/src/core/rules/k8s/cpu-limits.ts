import type { K8sRule } from '../types';
import { CONFIG_BEST, RESOURCES } from './refs';
import { checkResource } from './resources';

const rule: K8sRule = {
  meta: {
    id: 'k8s/cpu-limits',
    title: 'Container has no CPU limit',
    severity: 'info',
    category: 'cost',
    why: 'Without a CPU limit one busy container can use all the CPU of its node. (Some teams deliberately omit CPU limits to avoid throttling; turn this rule off in .bulwark.yaml if so.)',
    fix: 'Set `resources.limits.cpu` on every container (and init container) to what the process needs.',
    references: [RESOURCES, CONFIG_BEST],
    fixable: true,
  },
  check: (ctx) => checkResource(ctx, 'limits', 'cpu'),
};

export default rule;
