import type { K8sRule } from '../types';
import { fixes, podFix } from './edits';
import { get, isRecord } from './objects';
import { containersOf, containerLabel, podSpecs, reportContainer } from './podSpec';
import { PSS, SECCOMP } from './refs';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);
const LEGACY_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const LEGACY_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';

function legacyConfined(v: unknown): boolean {
  return typeof v === 'string' && /^(?:runtime\/default|docker\/default|localhost\/)/.test(v);
}

const rule: K8sRule = {
  meta: {
    id: 'k8s/seccomp-profile',
    title: 'Seccomp profile not set',
    severity: 'warning',
    category: 'security',
    why: 'Without a seccomp profile, containers run Unconfined and can make any system call, a large kernel attack surface. The Pod Security Standards (restricted) require `RuntimeDefault` or `Localhost`.',
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec (or on each container).',
    references: [PSS, SECCOMP],
    fixable: true,
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      const annotations = get(pod.obj.value, [...pod.metadataPath, 'annotations']);
      const ann = isRecord(annotations) ? annotations : {};
      const podType = get(pod.spec, ['securityContext', 'seccompProfile', 'type']);
      if (podType === 'Unconfined') {
        ctx.report(pod.obj, [...pod.path, 'securityContext', 'seccompProfile', 'type'], {
          at: 'pair',
          message: 'The pod seccomp profile is Unconfined.',
        });
        continue;
      }
      const podConfined =
        (typeof podType === 'string' && CONFINED.has(podType)) || legacyConfined(ann[LEGACY_POD]);
      if (typeof podType === 'string' && !CONFINED.has(podType)) continue;
      const unset = [];
      const containers = containersOf(pod, ['container', 'init']);
      for (const c of containers) {
        const type = get(c.value, ['securityContext', 'seccompProfile', 'type']);
        if (type === 'Unconfined') {
          ctx.report(pod.obj, [...c.path, 'securityContext', 'seccompProfile', 'type'], {
            at: 'pair',
            message: `${containerLabel(c)} has an Unconfined seccomp profile.`,
          });
        } else if (
          type === undefined &&
          !podConfined &&
          !legacyConfined(ann[`${LEGACY_CONTAINER}${c.name ?? ''}`])
        ) {
          unset.push(c);
        }
      }
      if (unset.length === 0) continue;
      const fix = fixes(
        podFix(ctx, pod, 'Set the pod seccomp profile to RuntimeDefault', {
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        }),
      );
      if (unset.length === containers.length) {
        ctx.report(pod.obj, pod.path, {
          at: 'key',
          message: 'No seccomp profile is set for the pod or its containers.',
          fixes: fix,
        });
      } else {
        for (const c of unset)
          reportContainer(ctx, c, { message: `${containerLabel(c)} has no seccomp profile.`, fixes: fix });
      }
    }
  },
};

export default rule;
