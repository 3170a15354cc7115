import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'own namespace, and none (chosen at apply time)',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  namespace: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
`,
    },
    {
      name: 'objects Kubernetes itself keeps in default (exported from a cluster)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: kubernetes
  namespace: default
spec:
  clusterIP: 10.96.0.1
  ports:
    - name: https
      port: 443
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: default
`,
    },
  ],
  invalid: [
    {
      name: 'a ServiceAccount of its own in default',
      code: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reporter
  namespace: default
`,
      errors: [{ line: 5, column: 3 }],
    },
    {
      name: 'explicit default',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  namespace: default
`,
      errors: [{ line: 5, column: 3, endColumn: 21 }],
    },
  ],
};

export default cases;
