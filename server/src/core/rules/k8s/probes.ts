import type { K8sRuleContext } from '../types';
import { containerFix, fixes } from './edits';
import { get, isRecord } from './objects';
import { allContainers, containerLabel, reportContainer } from './podSpec';

/** Shared check of the probe rules: long-running regular containers only. */
export function checkProbe(ctx: K8sRuleContext, probe: 'livenessProbe' | 'readinessProbe'): void {
  for (const c of allContainers(ctx.objects, ['container'])) {
    if (c.pod.runsToCompletion) continue;
    if (c.value[probe] !== undefined && c.value[probe] !== null) continue;
    const ports = c.value.ports;
    const first = Array.isArray(ports)
      ? ports.find((p) => isRecord(p) && p.containerPort !== undefined)
      : undefined;
    const port = get(first, ['containerPort']);
    const portValue = typeof port === 'number' ? port : 8080;
    const path = probe === 'livenessProbe' ? '/healthz' : '/ready';
    const fix = fixes(
      containerFix(ctx, c, `Add a ${probe} skeleton`, {
        [probe]: { httpGet: { path, port: portValue }, initialDelaySeconds: 5, periodSeconds: 10 },
      }),
    );
    reportContainer(ctx, c, {
      message: `${containerLabel(c)} has no ${probe}.`,
      fixes: fix,
    });
  }
}
