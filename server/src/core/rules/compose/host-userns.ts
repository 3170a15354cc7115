import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/host-userns',
    title: 'Service opts out of user namespace remapping',
    severity: 'warning',
    category: 'security',
    why: 'On a daemon with user namespace remapping, `userns_mode: host` makes root in the container root on the host again, undoing the protection for this service.',
    fix: 'Remove `userns_mode: host` and fix the file ownership or capability the service needed instead.',
    references: [
      composeRef('userns_mode'),
      {
        title: 'Docker: isolate containers with a user namespace',
        url: 'https://docs.docker.com/engine/security/userns-remap/',
      },
      CIS_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      if (svc.value['userns_mode'] !== 'host') continue;
      ctx.report([...svc.path, 'userns_mode'], {
        at: 'pair',
        message: `Service "${svc.name}" shares the host's user namespace.`,
      });
    }
  },
};

export default rule;
