import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/host-ipc',
    title: 'Service shares the host IPC namespace',
    severity: 'warning',
    category: 'security',
    why: "With `ipc: host` the container sees the host's shared memory segments, semaphores and message queues, and can read or tamper with data of host processes.",
    fix: 'Remove `ipc: host`. To share memory between two services use `ipc: shareable` on one and `ipc: "service:<name>"` on the other.',
    references: [composeRef('ipc'), CIS_DOCKER],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      if (svc.value['ipc'] !== 'host') continue;
      ctx.report([...svc.path, 'ipc'], {
        at: 'pair',
        message: `Service "${svc.name}" shares the host's IPC namespace.`,
      });
    }
  },
};

export default rule;
