import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'Role listing what it needs',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["configmaps", "pods/log"]
    verbs: ["get", "list", "watch"]
`,
    },
    {
      name: 'aggregated ClusterRole without rules of its own',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
aggregationRule:
  clusterRoleSelectors:
    - matchLabels:
        rbac.example.com/aggregate-to-monitoring: "true"
rules: []
`,
    },
  ],
  invalid: [
    {
      name: 'ClusterRole with every verb on every resource',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ops-everything
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { line: 6, column: 17 },
        { line: 7, column: 17 },
        { line: 8, column: 13 },
      ],
    },
    {
      name: 'Role with a wildcard verb in its second rule (block lists)',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["services"]
    verbs: ["get"]
  - apiGroups:
      - apps
    resources:
      - deployments
    verbs:
      - get
      - "*"
`,
      errors: [{ line: 16, column: 9 }],
    },
  ],
};

export default cases;
