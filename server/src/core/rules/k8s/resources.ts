import type { PathSegment } from '../../yaml/yamlFile';
import type { K8sRuleContext } from '../types';
import { containerFix, fixes } from './edits';
import { get, isRecord } from './objects';
import { allContainers, containerLabel, reportContainer } from './podSpec';

/** Shared check of the four requests/limits rules: one resource in one section. */
export function checkResource(
  ctx: K8sRuleContext,
  section: 'requests' | 'limits',
  resource: 'cpu' | 'memory',
): void {
  for (const c of allContainers(ctx.objects, ['container', 'init'])) {
    const resources = c.value.resources;
    if (resources !== undefined && resources !== null && !isRecord(resources)) continue;
    const v = get(resources, [section, resource]);
    if (v !== undefined && v !== null) continue;
    // Kubernetes defaults a missing request to the limit, so a set limit counts as a request.
    if (section === 'requests' && get(resources, ['limits', resource]) !== undefined) continue;
    const message = `${containerLabel(c)} has no ${resource === 'cpu' ? 'CPU' : 'memory'} ${section === 'requests' ? 'request' : 'limit'}.`;
    const fix = fixes(
      containerFix(
        ctx,
        c,
        'Add a resources skeleton (requests and limits)',
        {
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
        },
        false,
      ),
    );
    if (resources === undefined || resources === null) {
      reportContainer(ctx, c, { message, fixes: fix });
      continue;
    }
    const path: PathSegment[] = [...c.path, 'resources', section, resource];
    ctx.report(c.pod.obj, path, { at: 'key', message, fixes: fix });
  }
}
