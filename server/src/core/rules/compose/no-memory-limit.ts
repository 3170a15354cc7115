import type { Fix } from '../../types';
import type { PathSegment } from '../../yaml/yamlFile';
import type { ComposeRule, ComposeRuleContext } from '../types';
import { mergeEdits } from '../yamlEdits';
import { appendToMapFix, CIS_DOCKER, composeRef, dig, selfContainedServices } from './helpers';

const TITLE = 'Add a memory limit skeleton';

/** Merges the limit into an existing `deploy` mapping, keeping what it already holds. */
function mergeFix(ctx: ComposeRuleContext, deployPath: PathSegment[]): Fix | undefined {
  const edits = mergeEdits(ctx.file, ctx.doc, deployPath, { resources: { limits: { memory: '512M' } } });
  return edits.length ? { title: TITLE, edits } : undefined;
}

const rule: ComposeRule = {
  meta: {
    id: 'compose/no-memory-limit',
    title: 'Service has no memory limit',
    severity: 'warning',
    category: 'reliability',
    why: 'A container without a memory limit can use all the memory of the host: a leak or a load spike in one service gets other services (or the Docker daemon) killed by the kernel OOM killer.',
    fix: 'Set `deploy.resources.limits.memory` (or `mem_limit`) to what the service needs, with some headroom.',
    references: [
      composeRef('mem_limit'),
      {
        title: 'Compose deploy specification: resources',
        url: 'https://docs.docker.com/reference/compose-file/deploy/#resources',
      },
      {
        title: 'Docker: resource constraints',
        url: 'https://docs.docker.com/engine/containers/resource_constraints/',
      },
      CIS_DOCKER,
    ],
    fixable: true,
  },
  check(ctx) {
    for (const svc of selfContainedServices(ctx)) {
      if (svc.value['mem_limit'] !== undefined) continue;
      if (dig(svc.value, 'deploy', 'resources', 'limits', 'memory') !== undefined) continue;
      const fix =
        svc.value['deploy'] === undefined
          ? appendToMapFix(ctx, svc.path, TITLE, [
              'deploy:',
              '  resources:',
              '    limits:',
              '      memory: 512M # TODO: size for the service',
            ])
          : mergeFix(ctx, [...svc.path, 'deploy']);
      ctx.report(svc.path, {
        at: 'key',
        message: `Service "${svc.name}" has no memory limit.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export default rule;
