import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'pod-level runAsNonRoot is inherited',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
`,
    },
    {
      name: 'non-zero runAsUser',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 1000
`,
    },
  ],
  invalid: [
    {
      name: 'missing everywhere',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ line: 7, column: 7, message: 'does not set runAsNonRoot' }],
      fixes: ['Set `runAsNonRoot: true`'],
    },
    {
      name: 'pod-level false overrides nothing: reported on the pod setting',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: false
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 9, column: 9, message: 'allowed to run as root' }],
      fixes: ['Set `runAsNonRoot: true`'],
    },
  ],
};

export default cases;
