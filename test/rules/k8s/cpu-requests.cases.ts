import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'set',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "1"
`,
    },
    {
      name: 'ephemeral containers cannot have resources',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
  containers: []
`,
    },
  ],
  invalid: [
    {
      name: 'no resources: reported on the container',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: fluent-bit:3.1
`,
      errors: [{ line: 9, column: 11, message: "Container 'agent' has no CPU request" }],
      fixes: ['Add a resources skeleton (requests and limits)'],
    },
    {
      name: 'resources without it: reported on the nearest key',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          other: "1"
`,
      errors: [{ line: 9, column: 7 }],
      fixes: ['Add a resources skeleton (requests and limits)'],
    },
  ],
};

export default cases;
