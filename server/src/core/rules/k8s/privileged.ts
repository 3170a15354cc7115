import type { K8sRule } from '../types';
import { containerFix, fixes } from './edits';
import { get } from './objects';
import { allContainers, containerLabel } from './podSpec';
import { CIS, PSS, SECURITY_CONTEXT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/privileged',
    title: 'Container runs privileged',
    severity: 'error',
    category: 'security',
    why: 'A privileged container has every Linux capability and access to all host devices; escaping to the node is trivial. The Pod Security Standards (baseline) forbid it.',
    fix: 'Remove `privileged: true` (or set it to `false`) and add only the specific capabilities the process needs.',
    references: [PSS, CIS, SECURITY_CONTEXT],
    fixable: true,
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      if (get(c.value, ['securityContext', 'privileged']) !== true) continue;
      ctx.report(c.pod.obj, [...c.path, 'securityContext', 'privileged'], {
        at: 'pair',
        message: `${containerLabel(c)} runs privileged.`,
        fixes: fixes(
          containerFix(ctx, c, 'Set `privileged: false`', { securityContext: { privileged: false } }),
        ),
      });
    }
  },
};

export default rule;
