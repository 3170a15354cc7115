import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/host-pid',
    title: 'Service shares the host PID namespace',
    severity: 'warning',
    category: 'security',
    why: 'With `pid: host` the container sees every process of the host, their command lines and environments, and with enough privileges can signal or trace them.',
    fix: 'Remove `pid: host`. Debugging sidecars can join another service\'s namespace with `pid: "service:<name>"` instead.',
    references: [composeRef('pid'), CIS_DOCKER],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      if (svc.value['pid'] !== 'host') continue;
      ctx.report([...svc.path, 'pid'], {
        at: 'pair',
        message: `Service "${svc.name}" shares the host's PID namespace.`,
      });
    }
  },
};

export default rule;
