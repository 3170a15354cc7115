import type { ComposeRule } from '../types';
import { appendToMapFix, CIS_DOCKER, composeRef, dig, isTrue, selfContainedServices } from './helpers';

/** `test: NONE` / `["NONE"]` turns the image's healthcheck off, like `disable: true`. */
function disablesCheck(test: unknown): boolean {
  if (typeof test === 'string') return test.trim().toUpperCase() === 'NONE';
  return Array.isArray(test) && String(test[0] ?? '').toUpperCase() === 'NONE';
}

const rule: ComposeRule = {
  meta: {
    id: 'compose/no-healthcheck',
    title: 'Service has no healthcheck',
    severity: 'info',
    category: 'reliability',
    why: 'Without a healthcheck Docker only knows whether the process runs, not whether it serves: a hung service stays "up", `depends_on: condition: service_healthy` cannot be used and orchestrators cannot replace it. The image may define a HEALTHCHECK of its own, which the Compose file cannot show, hence the info level. `disable: true` or `test: ["NONE"]` switch any healthcheck off and are reported too.',
    fix: 'Add a `healthcheck` with a `test` command that proves the service answers (e.g. `["CMD", "curl", "-f", "http://localhost/health"]`), and an interval, timeout and retries.',
    references: [
      composeRef('healthcheck'),
      {
        title: 'Dockerfile reference: HEALTHCHECK',
        url: 'https://docs.docker.com/reference/dockerfile/#healthcheck',
      },
      CIS_DOCKER,
    ],
    fixable: true,
  },
  check(ctx) {
    for (const svc of selfContainedServices(ctx)) {
      const hc = svc.value['healthcheck'];
      if (hc === undefined) {
        const fix = appendToMapFix(ctx, svc.path, 'Add a healthcheck skeleton', [
          'healthcheck:',
          '  test: ["CMD-SHELL", "exit 0"] # TODO: a command that proves the service answers',
          '  interval: 30s',
          '  timeout: 5s',
          '  retries: 3',
        ]);
        ctx.report(svc.path, {
          at: 'key',
          message: `Service "${svc.name}" has no healthcheck.`,
          fixes: fix ? [fix] : undefined,
        });
      } else if (isTrue(dig(hc, 'disable'))) {
        ctx.report([...svc.path, 'healthcheck', 'disable'], {
          at: 'pair',
          message: `Service "${svc.name}" disables its healthcheck.`,
        });
      } else if (disablesCheck(dig(hc, 'test'))) {
        ctx.report([...svc.path, 'healthcheck', 'test'], {
          message: `Service "${svc.name}" disables its healthcheck with test NONE.`,
        });
      }
    }
  },
};

export default rule;
