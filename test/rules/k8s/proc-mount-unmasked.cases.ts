import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'Default',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: Default
`,
    },
  ],
  invalid: [
    {
      name: 'Unmasked',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: Unmasked
`,
      errors: [{ line: 10, column: 9, endColumn: 28 }],
    },
  ],
};

export default cases;
