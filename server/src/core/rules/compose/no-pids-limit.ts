import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, dig, selfContainedServices } from './helpers';

/** 0 and -1 mean "unlimited" to Docker. */
function unlimited(v: unknown): boolean {
  return v === 0 || v === -1 || v === '0' || v === '-1';
}

const rule: ComposeRule = {
  meta: {
    id: 'compose/no-pids-limit',
    title: 'Service has no PIDs limit',
    severity: 'info',
    category: 'reliability',
    why: 'Without a PIDs limit a fork bomb or a runaway worker pool in one container can exhaust the process table of the whole host.',
    fix: 'Set `pids_limit` (or `deploy.resources.limits.pids`) to a value the service never needs to exceed, e.g. 100-500.',
    references: [
      composeRef('pids_limit'),
      {
        title: 'Compose deploy specification: resources',
        url: 'https://docs.docker.com/reference/compose-file/deploy/#resources',
      },
      CIS_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of selfContainedServices(ctx)) {
      const direct = svc.value['pids_limit'];
      const deploy = dig(svc.value, 'deploy', 'resources', 'limits', 'pids');
      if (direct === undefined && deploy === undefined) {
        ctx.report(svc.path, { at: 'key', message: `Service "${svc.name}" has no PIDs limit.` });
      } else if (unlimited(direct) && (deploy === undefined || unlimited(deploy))) {
        ctx.report([...svc.path, 'pids_limit'], {
          message: `Service "${svc.name}" sets an unlimited PIDs limit.`,
        });
      } else if (direct === undefined && unlimited(deploy)) {
        ctx.report([...svc.path, 'deploy', 'resources', 'limits', 'pids'], {
          message: `Service "${svc.name}" sets an unlimited PIDs limit.`,
        });
      }
    }
  },
};

export default rule;
