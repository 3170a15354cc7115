import type { K8sRule } from '../types';
import { containerFix, fixes } from './edits';
import { isTemplated } from './objects';
import { allContainers, containerLabel, effectiveSecurity, reportContainer } from './podSpec';
import { PSS, SECURITY_CONTEXT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/run-as-non-root',
    title: 'Container may run as root',
    severity: 'warning',
    category: 'security',
    why: 'Without `runAsNonRoot: true` (or a non-zero `runAsUser`), a container runs as whatever user the image chose, often root. The Pod Security Standards (restricted) require non-root.',
    fix: 'Set `securityContext.runAsNonRoot: true` on the pod or the container (and a non-zero `runAsUser` if the image has no numeric USER).',
    references: [PSS, SECURITY_CONTEXT],
    fixable: true,
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects, ['container', 'init'])) {
      const nonRoot = effectiveSecurity(c, 'runAsNonRoot');
      const user = effectiveSecurity(c, 'runAsUser');
      if (nonRoot.value === true || isTemplated(nonRoot.value) || isTemplated(user.value)) continue;
      // An explicit user decides: non-zero is fine, zero is k8s/run-as-root-user's finding.
      if (typeof user.value === 'number') continue;
      const fix = fixes(
        containerFix(ctx, c, 'Set `runAsNonRoot: true`', { securityContext: { runAsNonRoot: true } }),
      );
      if (nonRoot.value === false && nonRoot.path) {
        ctx.report(c.pod.obj, nonRoot.path, {
          at: 'pair',
          message: `${containerLabel(c)} is allowed to run as root.`,
          fixes: fix,
        });
      } else
        reportContainer(ctx, c, {
          message: `${containerLabel(c)} does not set runAsNonRoot: true.`,
          fixes: fix,
        });
    }
  },
};

export default rule;
