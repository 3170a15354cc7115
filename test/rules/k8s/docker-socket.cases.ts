import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'other host path',
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
    },
  ],
  invalid: [
    {
      name: 'docker.sock and containerd',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1.0
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
            type: Socket
        - name: containerd
          hostPath: { path: /run/containerd/ }
`,
      errors: [
        { line: 14, column: 19, endColumn: 39, message: '/var/run/docker.sock' },
        { line: 17, column: 29, message: '/run/containerd' },
      ],
    },
  ],
};

export default cases;
