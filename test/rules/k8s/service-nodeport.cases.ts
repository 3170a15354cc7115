import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'ClusterIP',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  type: ClusterIP
  ports:
    - port: 80
`,
    },
  ],
  invalid: [
    {
      name: 'NodePort',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 30080
`,
      errors: [{ line: 6, column: 3, endColumn: 17, message: "Service 's'" }],
    },
  ],
};

export default cases;
