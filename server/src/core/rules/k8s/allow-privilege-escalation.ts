import type { K8sRule } from '../types';
import { containerFix, fixes } from './edits';
import { get } from './objects';
import { allContainers, containerLabel, reportContainer } from './podSpec';
import { PSS, SECURITY_CONTEXT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/allow-privilege-escalation',
    title: 'Container allows privilege escalation',
    severity: 'warning',
    category: 'security',
    why: 'Unless `allowPrivilegeEscalation` is `false`, a process can gain more privileges than its parent (setuid binaries, file capabilities). The Pod Security Standards (restricted) require it to be `false`.',
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    references: [PSS, SECURITY_CONTEXT],
    fixable: true,
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects, ['container', 'init'])) {
      const v = get(c.value, ['securityContext', 'allowPrivilegeEscalation']);
      if (v === false || typeof v === 'string') continue;
      const fix = fixes(
        containerFix(ctx, c, 'Set `allowPrivilegeEscalation: false`', {
          securityContext: { allowPrivilegeEscalation: false },
        }),
      );
      const message = `${containerLabel(c)} ${v === true ? 'allows' : 'does not forbid'} privilege escalation.`;
      if (v === true) {
        ctx.report(c.pod.obj, [...c.path, 'securityContext', 'allowPrivilegeEscalation'], {
          at: 'pair',
          message,
          fixes: fix,
        });
      } else reportContainer(ctx, c, { message, fixes: fix });
    }
  },
};

export default rule;
