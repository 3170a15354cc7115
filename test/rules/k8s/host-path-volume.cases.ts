import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'emptyDir and configMap',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: tmp
      emptyDir: {}
    - name: cfg
      configMap:
        name: cfg
`,
    },
  ],
  invalid: [
    {
      name: 'hostPath',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: logs
      hostPath:
        path: /var/log
`,
      errors: [
        { line: 11, column: 7, endColumn: 15, message: "Volume 'logs' mounts the host path /var/log" },
      ],
    },
  ],
};

export default cases;
