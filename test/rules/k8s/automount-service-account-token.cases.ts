import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'disabled on the pod',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  automountServiceAccountToken: false
  containers:
    - name: app
      image: nginx:1.27
`,
    },
    {
      name: 'disabled on its ServiceAccount in the folder',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  serviceAccountName: app
  containers:
    - name: app
      image: nginx:1.27
`,
      files: {
        'sa.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
automountServiceAccountToken: false
`,
      },
    },
  ],
  invalid: [
    {
      name: 'unset: reported on the pod template spec key',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 7, column: 5, endColumn: 9 }],
      fixes: ['Set `automountServiceAccountToken: false`'],
    },
    {
      name: 'explicitly true',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  automountServiceAccountToken: true
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ line: 6, column: 3 }],
      fixes: ['Set `automountServiceAccountToken: false`'],
    },
  ],
};

export default cases;
