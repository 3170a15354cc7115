import type { K8sRule } from '../types';
import { fixes, podFix } from './edits';
import { folderLookup, keys } from './folderIndex';
import { get } from './objects';
import { podSpecs, sameNamespace } from './podSpec';
import { CIS, SERVICE_ACCOUNT } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/automount-service-account-token',
    title: 'Service account token is mounted automatically',
    severity: 'info',
    category: 'security',
    why: "Unless disabled, every pod gets a token of its service account mounted: anyone who compromises the pod can call the Kubernetes API with it. Most applications never talk to the API. Not reported when the pod's ServiceAccount, in the same folder, disables automounting.",
    fix: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount); mount a projected token only where the API is really used.',
    references: [CIS, SERVICE_ACCOUNT],
    fixable: true,
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      const v = pod.spec.automountServiceAccountToken;
      if (v === false || typeof v === 'string') continue;
      if (v === undefined) {
        const sa = typeof pod.spec.serviceAccountName === 'string' ? pod.spec.serviceAccountName : 'default';
        const disabled = folderLookup(ctx)
          .get(keys.serviceAccount(sa))
          .some(
            (o) =>
              o.kind === 'ServiceAccount' &&
              o.name === sa &&
              sameNamespace(o, pod.obj) &&
              get(o.value, ['automountServiceAccountToken']) === false,
          );
        if (disabled) continue;
      }
      const fix = fixes(
        podFix(ctx, pod, 'Set `automountServiceAccountToken: false`', {
          automountServiceAccountToken: false,
        }),
      );
      if (v === true)
        ctx.report(pod.obj, [...pod.path, 'automountServiceAccountToken'], { at: 'pair', fixes: fix });
      else ctx.report(pod.obj, pod.path, { at: 'key', fixes: fix });
    }
  },
};

export default rule;
