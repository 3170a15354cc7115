import type { K8sRule } from '../types';
import { containerFix, fixes } from './edits';
import { get } from './objects';
import { allContainers, containerLabel, reportContainer } from './podSpec';
import { PSS, SECURITY_CONTEXT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/capabilities-not-dropped',
    title: 'Container does not drop ALL capabilities',
    severity: 'warning',
    category: 'security',
    why: 'Container runtimes grant a default set of capabilities (NET_RAW, CHOWN, SETUID...) that most applications never use. The Pod Security Standards (restricted) require dropping ALL and adding back only what is needed.',
    fix: 'Add `ALL` to `securityContext.capabilities.drop`, then add back individual capabilities (e.g. NET_BIND_SERVICE) only where needed.',
    references: [PSS, SECURITY_CONTEXT],
    fixable: true,
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects, ['container', 'init'])) {
      const drop = get(c.value, ['securityContext', 'capabilities', 'drop']);
      if (typeof drop === 'string') continue;
      if (Array.isArray(drop) && drop.some((d) => typeof d === 'string' && /^(?:CAP_)?ALL$/i.test(d)))
        continue;
      const message = `${containerLabel(c)} does not drop ALL capabilities.`;
      const fix = fixes(
        containerFix(ctx, c, 'Drop ALL capabilities', {
          securityContext: { capabilities: { drop: ['ALL'] } },
        }),
      );
      if (Array.isArray(drop)) {
        ctx.report(c.pod.obj, [...c.path, 'securityContext', 'capabilities', 'drop'], {
          at: 'key',
          message,
          fixes: fix,
        });
      } else reportContainer(ctx, c, { message, fixes: fix });
    }
  },
};

export default rule;
