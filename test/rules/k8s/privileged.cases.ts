import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'privileged false',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: false
`,
    },
    {
      name: 'no securityContext',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'privileged container in an OpenShift DeploymentConfig',
      code: `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: ledger
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: worker
          image: registry.example.com/ledger:3.4
          securityContext:
            privileged: true
`,
      errors: [{ line: 13, column: 13, message: "Container 'worker' runs privileged" }],
    },
    {
      name: 'privileged container in a Deployment',
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
          securityContext:
            privileged: true # needed?
`,
      errors: [
        { line: 12, column: 13, endLine: 12, endColumn: 29, message: "Container 'app' runs privileged" },
      ],
      fixes: ['Set `privileged: false`'],
    },
    {
      name: 'privileged init container of a CronJob, and in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: c
    spec:
      schedule: "* * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext: { privileged: true }
              containers:
                - name: app
                  image: busybox:1.36
`,
      errors: [{ line: 17, column: 38, message: "Init container 'init' runs privileged" }],
      fixes: ['Set `privileged: false`'],
    },
    {
      name: 'second document of a multi-document file',
      code: `apiVersion: v1
kind: Namespace
metadata:
  name: ns
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      securityContext:
        privileged: true
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ line: 15, column: 9, message: "Ephemeral container 'debug'" }],
    },
  ],
};

export default cases;
