import type { ComposeRule } from '../types';
import { appendToMapFix, composeRef, dig, selfContainedServices } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/no-restart-policy',
    title: 'Service has no restart policy',
    severity: 'warning',
    category: 'reliability',
    why: 'Without a restart policy a service that crashes, or a host that reboots, leaves the service down until someone notices and starts it by hand.',
    fix: 'Set `restart: unless-stopped` (or `on-failure` for jobs), or `deploy.restart_policy` when deploying with Swarm. Use `restart: "no"` explicitly for one-shot tasks.',
    references: [
      composeRef('restart'),
      {
        title: 'Compose deploy specification: restart_policy',
        url: 'https://docs.docker.com/reference/compose-file/deploy/#restart_policy',
      },
      {
        title: 'Docker: start containers automatically',
        url: 'https://docs.docker.com/engine/containers/start-containers-automatically/',
      },
    ],
    fixable: true,
  },
  check(ctx) {
    for (const svc of selfContainedServices(ctx)) {
      if (svc.value['restart'] !== undefined || dig(svc.value, 'deploy', 'restart_policy') !== undefined)
        continue;
      const fix = appendToMapFix(ctx, svc.path, 'Add `restart: unless-stopped`', ['restart: unless-stopped']);
      ctx.report(svc.path, {
        at: 'key',
        message: `Service "${svc.name}" has no restart policy.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export default rule;
