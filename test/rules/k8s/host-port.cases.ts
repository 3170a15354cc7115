import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'containerPort only',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
`,
    },
  ],
  invalid: [
    {
      name: 'hostPort',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
          hostPort: 8080
`,
      errors: [{ line: 11, column: 11, endColumn: 25, message: 'host port 8080' }],
    },
  ],
};

export default cases;
