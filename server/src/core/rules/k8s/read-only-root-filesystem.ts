import type { K8sRule } from '../types';
import { containerFix, fixes } from './edits';
import { get } from './objects';
import { allContainers, containerLabel, reportContainer } from './podSpec';
import { NSA, SECURITY_CONTEXT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/read-only-root-filesystem',
    title: 'Container root filesystem is writable',
    severity: 'warning',
    category: 'security',
    why: 'A writable root filesystem lets an attacker drop tools or modify binaries inside the container. Immutable containers are recommended by the NSA/CISA hardening guide.',
    fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume where the process needs to write.',
    references: [NSA, SECURITY_CONTEXT],
    fixable: true,
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects, ['container', 'init'])) {
      const v = get(c.value, ['securityContext', 'readOnlyRootFilesystem']);
      if (v === true || typeof v === 'string') continue;
      const fix = fixes(
        containerFix(ctx, c, 'Set `readOnlyRootFilesystem: true`', {
          securityContext: { readOnlyRootFilesystem: true },
        }),
      );
      const message = `${containerLabel(c)} has a writable root filesystem.`;
      if (v === false) {
        ctx.report(c.pod.obj, [...c.path, 'securityContext', 'readOnlyRootFilesystem'], {
          at: 'pair',
          message,
          fixes: fix,
        });
      } else reportContainer(ctx, c, { message, fixes: fix });
    }
  },
};

export default rule;
