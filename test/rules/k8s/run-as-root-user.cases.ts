import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'non-zero user',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: app
      image: nginx:1.27
`,
    },
    {
      name: 'container overrides a pod-level 0',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 101
`,
    },
  ],
  invalid: [
    {
      name: 'pod-level 0 shared by two containers is one finding',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: a
      image: nginx:1.27
    - name: b
      image: nginx:1.27
`,
      errors: [{ line: 7, column: 5, endColumn: 17 }],
    },
    {
      name: 'container-level 0',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: nginx:1.27
      securityContext:
        runAsUser: 0
`,
      errors: [{ line: 10, column: 9 }],
    },
  ],
};

export default cases;
