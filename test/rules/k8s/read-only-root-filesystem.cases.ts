import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'read-only root filesystem',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        readOnlyRootFilesystem: true
`,
    },
    {
      name: 'not a workload',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  containers: none
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly false',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
          securityContext:
            readOnlyRootFilesystem: false
`,
      errors: [{ line: 12, column: 13, endLine: 12, endColumn: 42 }],
      fixes: ['Set `readOnlyRootFilesystem: true`'],
    },
    {
      name: 'missing, in a flow securityContext',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { runAsNonRoot: true }
`,
      errors: [{ line: 7, column: 7, message: 'writable root filesystem' }],
      fixes: ['Set `readOnlyRootFilesystem: true`'],
    },
  ],
};

export default cases;
