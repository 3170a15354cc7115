import type { K8sRule } from '../types';
import { get } from './objects';
import { allContainers, containerLabel } from './podSpec';
import { PSS, SECURITY_CONTEXT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/proc-mount-unmasked',
    title: 'Container uses an unmasked /proc',
    severity: 'error',
    category: 'security',
    why: '`procMount: Unmasked` removes the masking of sensitive /proc paths that keeps a container from reading or changing kernel settings of the node. The Pod Security Standards (baseline) require the Default proc mount.',
    fix: 'Remove `procMount: Unmasked` (or set it to `Default`).',
    references: [PSS, SECURITY_CONTEXT],
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      if (get(c.value, ['securityContext', 'procMount']) !== 'Unmasked') continue;
      ctx.report(c.pod.obj, [...c.path, 'securityContext', 'procMount'], {
        at: 'pair',
        message: `${containerLabel(c)} mounts /proc unmasked.`,
      });
    }
  },
};

export default rule;
