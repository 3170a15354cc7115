import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'safe sysctl',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65535"
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'unsafe sysctl',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax
        value: "65536"
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ line: 8, column: 15, endColumn: 28, message: 'kernel.msgmax' }],
    },
  ],
};

export default cases;
