import type { K8sRule } from '../types';
import { isRecord } from './objects';
import { CIS } from './refs';

const FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

const rule: K8sRule = {
  meta: {
    id: 'k8s/rbac-wildcard',
    title: 'Role or ClusterRole grants a wildcard',
    severity: 'warning',
    category: 'security',
    why: 'A `*` in a Role or ClusterRole rule grants every API group, resource or verb, including ones added later by new Kubernetes versions and CRDs: the subject silently gains rights nobody reviewed (secrets, escalate, impersonate). CIS Kubernetes Benchmark 5.1.3 asks to minimise wildcards.',
    fix: 'List the API groups, resources and verbs the subject actually needs (e.g. `resources: ["configmaps"]`, `verbs: ["get", "list", "watch"]`).',
    references: [
      {
        title: 'Kubernetes: RBAC good practices',
        url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      },
      {
        title: 'Kubernetes: Using RBAC Authorization',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
      },
      CIS,
    ],
  },
  check(ctx) {
    for (const obj of ctx.objects) {
      if (obj.kind !== 'Role' && obj.kind !== 'ClusterRole') continue;
      if (!obj.apiVersion.startsWith('rbac.authorization.k8s.io/')) continue;
      const rules = obj.value.rules;
      if (!Array.isArray(rules)) continue;
      rules.forEach((r, i) => {
        if (!isRecord(r)) return;
        for (const field of FIELDS) {
          const list = r[field];
          if (!Array.isArray(list)) continue;
          const at = list.findIndex((x) => x === '*');
          if (at < 0) continue;
          ctx.report(obj, ['rules', i, field, at], {
            at: 'value',
            message: `${obj.kind} '${obj.name ?? ''}' grants every ${field === 'apiGroups' ? 'API group' : field === 'resources' ? 'resource' : 'verb'} ("*").`,
          });
        }
      });
    }
  },
};

export default rule;
