import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'set to false',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
    },
    {
      name: 'templated value is not judged',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: "{{ .Values.ape }}"
`,
    },
  ],
  invalid: [
    {
      name: 'missing: reported on the container name, fix adds a securityContext',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
`,
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 16, message: 'does not forbid' }],
      fixes: ['Set `allowPrivilegeEscalation: false`'],
    },
    {
      name: 'true: reported on the pair, fix replaces the value',
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
            runAsNonRoot: true
            allowPrivilegeEscalation: true
`,
      errors: [{ line: 13, column: 13, message: 'allows privilege escalation' }],
      fixes: ['Set `allowPrivilegeEscalation: false`'],
    },
    {
      name: 'existing securityContext without the key: fix inserts into it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
        runAsUser: 1000 # keep this comment
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
      errors: [{ line: 7, column: 7, message: "Init container 'init'" }],
      fixes: ['Set `allowPrivilegeEscalation: false`'],
    },
  ],
};

export default cases;
