import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'baseline capability',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
    },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN and CAP_NET_RAW, block and flow',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add:
            - SYS_ADMIN
            - CHOWN
    - name: sidecar
      image: busybox:1.36
      securityContext:
        capabilities: { add: [CAP_NET_RAW] }
`,
      errors: [
        { line: 12, column: 15, endColumn: 24, message: 'SYS_ADMIN' },
        { line: 17, column: 31, message: "Container 'sidecar' adds the capability NET_RAW" },
      ],
    },
    {
      name: 'ALL',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add: ["ALL"]
`,
      errors: [{ line: 11, column: 17, message: 'ALL' }],
    },
  ],
};

export default cases;
