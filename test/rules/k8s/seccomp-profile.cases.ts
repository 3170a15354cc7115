import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'pod-level RuntimeDefault',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
`,
    },
    {
      name: 'every container sets Localhost',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile: { type: Localhost, localhostProfile: profiles/app.json }
`,
    },
    {
      name: 'legacy pod annotation',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'unset everywhere: reported on the pod spec key',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ line: 5, column: 1, endColumn: 5, message: 'No seccomp profile' }],
      fixes: ['Set the pod seccomp profile to RuntimeDefault'],
    },
    {
      name: 'one container unset, one Unconfined',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: nginx:1.27
      securityContext:
        seccompProfile:
          type: Unconfined
    - name: b
      image: nginx:1.27
`,
      errors: [
        { line: 11, column: 11, message: "Container 'a' has an Unconfined" },
        { line: 12, column: 7, message: "Container 'b' has no seccomp profile" },
      ],
    },
  ],
};

export default cases;
