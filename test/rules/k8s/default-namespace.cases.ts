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
  ],
  invalid: [
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
