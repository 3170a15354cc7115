import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'tag',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: registry.local:5000/app:1.0
`,
    },
    {
      name: 'digest only',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
    },
  ],
  invalid: [
    {
      name: 'no tag, registry with a port',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: registry.local:5000/app
    - name: side
      image: "busybox"
`,
      errors: [
        { line: 8, column: 14, message: "Container 'app'" },
        { line: 10, column: 14, message: "Container 'side'" },
      ],
    },
  ],
};

export default cases;
