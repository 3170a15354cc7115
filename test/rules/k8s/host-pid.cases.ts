import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'false',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostPID: false
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'true in a DaemonSet template',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      hostPID: true
      containers:
        - name: agent
          image: agent:1.0
`,
      errors: [{ line: 8, column: 7, endLine: 8 }],
    },
  ],
};

export default cases;
