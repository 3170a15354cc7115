import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'probe present; init container not checked',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      readinessProbe:
        tcpSocket:
          port: 80
`,
    },
    {
      name: 'Jobs run to completion',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: run
          image: busybox:1.36
`,
    },
  ],
  invalid: [
    {
      name: 'missing: fix adds a skeleton on the container port',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - containerPort: 8443
`,
      errors: [{ line: 9, column: 11, endColumn: 20, message: "Container 'app' has no readinessProbe" }],
      fixes: ['Add a readinessProbe skeleton'],
    },
  ],
};

export default cases;
