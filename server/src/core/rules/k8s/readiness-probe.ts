import type { K8sRule } from '../types';
import { checkProbe } from './probes';
import { CONFIG_BEST, PROBES } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/readiness-probe',
    title: 'Container has no readiness probe',
    severity: 'warning',
    category: 'reliability',
    why: 'Without a readiness probe, a pod receives Service traffic as soon as its process starts, before it can serve, and keeps receiving it while overloaded; rolling updates cannot tell a broken version apart. Not checked on init and ephemeral containers, nor on Jobs and CronJobs.',
    fix: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
    references: [PROBES, CONFIG_BEST],
    fixable: true,
  },
  check: (ctx) => checkProbe(ctx, 'readinessProbe'),
};

export default rule;
