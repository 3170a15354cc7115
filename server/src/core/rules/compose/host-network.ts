import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/host-network',
    title: 'Service uses the host network',
    severity: 'warning',
    category: 'security',
    why: "With `network_mode: host` the container shares the host's network stack: it can bind any host port, reach services listening on localhost and sniff traffic, and its ports bypass Docker's port mapping entirely.",
    fix: 'Remove `network_mode: host`, attach the service to a user-defined network and publish only the ports it needs.',
    references: [
      composeRef('network_mode'),
      { title: 'Docker: host network driver', url: 'https://docs.docker.com/engine/network/drivers/host/' },
      CIS_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      if (svc.value['network_mode'] !== 'host') continue;
      ctx.report([...svc.path, 'network_mode'], {
        at: 'pair',
        message: `Service "${svc.name}" shares the host's network namespace.`,
      });
    }
  },
};

export default rule;
