import type { K8sRule } from '../types';
import { NAMESPACES } from './refs';

/** Objects the cluster itself creates in `default`; they show up in manifests exported from a cluster. */
const BUILT_IN = new Set(['Service/kubernetes', 'Endpoints/kubernetes', 'ServiceAccount/default']);

function isBuiltIn(kind: string | undefined, name: string | undefined): boolean {
  return BUILT_IN.has(`${kind ?? ''}/${name ?? ''}`);
}

const rule: K8sRule = {
  meta: {
    id: 'k8s/default-namespace',
    title: "Object is placed in the 'default' namespace",
    severity: 'info',
    category: 'maintainability',
    why: 'The `default` namespace mixes unrelated workloads, so RBAC, quotas and network policies cannot be scoped to one application. A missing namespace is not reported: it is usually chosen at apply time (`kubectl -n`, kustomize, Helm). Neither are the `kubernetes` Service and `default` ServiceAccount the cluster creates there itself.',
    fix: 'Put the object in a namespace of its own application or team (or drop `namespace:` and choose it at apply time).',
    references: [NAMESPACES],
  },
  check(ctx) {
    for (const obj of ctx.objects) {
      if (obj.namespace !== 'default' || isBuiltIn(obj.kind, obj.name)) continue;
      ctx.report(obj, ['metadata', 'namespace'], { at: 'pair' });
    }
  },
};

export default rule;
