import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'digest',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
    },
    {
      name: 'no image (schema problem, not this rule)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
`,
    },
  ],
  invalid: [
    {
      name: 'tag only',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ line: 8, column: 14, endColumn: 24 }],
    },
  ],
};

export default cases;
