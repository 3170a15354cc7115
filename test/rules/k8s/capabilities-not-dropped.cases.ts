import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'drops all (lower case)',
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
          drop: [all]
`,
    },
    {
      name: 'ephemeral containers are not checked',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: [ALL]
`,
    },
  ],
  invalid: [
    {
      name: 'drops only some: reported on drop, fix adds ALL to the list',
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
          drop:
            - NET_RAW # raw sockets
`,
      errors: [{ line: 11, column: 11, endColumn: 15 }],
      fixes: ['Drop ALL capabilities'],
    },
    {
      name: 'no capabilities: reported on the container',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ line: 7, column: 7, message: 'does not drop ALL' }],
      fixes: ['Drop ALL capabilities'],
    },
    {
      name: 'flow drop list',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {capabilities: {drop: [NET_RAW]}}
`,
      errors: [{ line: 9, column: 40 }],
      fixes: ['Drop ALL capabilities'],
    },
  ],
};

export default cases;
