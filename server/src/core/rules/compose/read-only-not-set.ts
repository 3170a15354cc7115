import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, OWASP_DOCKER, selfContainedServices } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/read-only-not-set',
    title: 'Root filesystem is writable',
    severity: 'info',
    category: 'security',
    why: 'A writable root filesystem lets an attacker who got code execution drop tools, alter binaries or persist; an immutable container also keeps its state where you expect it (volumes).',
    fix: 'Set `read_only: true` and give the service `tmpfs` mounts or volumes for the paths it writes to (e.g. /tmp, /var/run).',
    references: [composeRef('read_only'), CIS_DOCKER, OWASP_DOCKER],
  },
  check(ctx) {
    for (const svc of selfContainedServices(ctx)) {
      const ro = svc.value['read_only'];
      if (ro === undefined) {
        ctx.report(svc.path, { at: 'key', message: `Service "${svc.name}" has a writable root filesystem.` });
      } else if (ro === false || (typeof ro === 'string' && /^(?:false|no|off|0)$/i.test(ro))) {
        ctx.report([...svc.path, 'read_only'], {
          at: 'pair',
          message: `Service "${svc.name}" has a writable root filesystem.`,
        });
      }
    }
  },
};

export default rule;
