import type { K8sRule } from '../types';
import { allContainers, effectiveSecurity } from './podSpec';
import { PSS, SECURITY_CONTEXT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/run-as-root-user',
    title: 'Container runs as user 0 (root)',
    severity: 'error',
    category: 'security',
    why: '`runAsUser: 0` runs the process as root; combined with any container escape it is root on the node. The Pod Security Standards (restricted) forbid user 0.',
    fix: 'Set `runAsUser` to a non-zero UID that the image supports, and `runAsNonRoot: true`.',
    references: [PSS, SECURITY_CONTEXT],
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const c of allContainers(ctx.objects)) {
      const user = effectiveSecurity(c, 'runAsUser');
      if (user.value !== 0 || !user.path) continue;
      // A pod-level setting shared by several containers is one finding.
      const key = `${c.pod.obj.doc.index}:${JSON.stringify([...c.pod.obj.path, ...user.path])}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report(c.pod.obj, user.path, { at: 'pair', message: 'runAsUser: 0 runs the container as root.' });
    }
  },
};

export default rule;
