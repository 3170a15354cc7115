import type { K8sRule } from '../types';
import { get } from './objects';
import { allContainers, containerLabel } from './podSpec';
import { CIS, PSS, SECURITY_CONTEXT } from './refs';

/** The capabilities the Pod Security Standards (baseline) allow adding; anything else is dangerous. */
const BASELINE = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const rule: K8sRule = {
  meta: {
    id: 'k8s/dangerous-capabilities',
    title: 'Container adds a dangerous capability',
    severity: 'error',
    category: 'security',
    why: 'Capabilities such as SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE or ALL give a container near-root powers over the node or its network (packet spoofing, mounting, tracing other processes). The Pod Security Standards (baseline) allow adding only a short list of harmless ones.',
    fix: 'Remove the capability from `securityContext.capabilities.add`; if the workload truly needs it, run it isolated and document why with a suppression.',
    references: [PSS, CIS, SECURITY_CONTEXT],
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      const add = get(c.value, ['securityContext', 'capabilities', 'add']);
      if (!Array.isArray(add)) continue;
      add.forEach((cap, i) => {
        if (typeof cap !== 'string') return;
        const name = cap.toUpperCase().replace(/^CAP_/, '');
        if (BASELINE.has(name) || /\{\{|\$\{/.test(cap)) return;
        ctx.report(c.pod.obj, [...c.path, 'securityContext', 'capabilities', 'add', i], {
          message: `${containerLabel(c)} adds the capability ${name}.`,
        });
      });
    }
  },
};

export default rule;
