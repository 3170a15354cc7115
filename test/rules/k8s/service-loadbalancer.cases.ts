import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'internal load balancer (AWS annotation)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-internal: "true"
spec:
  type: LoadBalancer
`,
    },
    {
      name: 'restricted source ranges',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [10.0.0.0/8]
`,
    },
  ],
  invalid: [
    {
      name: 'public load balancer',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
spec:
  type: LoadBalancer
`,
      errors: [{ line: 8, column: 3, endColumn: 21 }],
    },
  ],
};

export default cases;
