import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'pinned tag',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27.2
`,
    },
    {
      name: 'latest with a digest',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
    },
    {
      name: 'templated',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: "{{ .Values.image }}:latest"
`,
    },
  ],
  invalid: [
    {
      name: 'latest, with a registry port',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: registry.local:5000/team/app:latest
`,
      errors: [{ line: 8, column: 14, endColumn: 49, message: "'latest'" }],
    },
  ],
};

export default cases;
