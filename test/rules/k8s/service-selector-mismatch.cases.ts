import type { RuleCases } from '../cases';

const svc = (app: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: ${app}
  ports:
    - port: 80
`;
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

const cases: RuleCases = {
  valid: [
    {
      name: 'matches a Deployment in another file',
      code: svc('web'),
      path: 'svc.yaml',
      files: { 'deploy.yaml': deployment },
    },
    { name: 'no workload in the folder', code: svc('web'), path: 'svc.yaml' },
    { name: 'matches in the same file', code: `${svc('web')}---\n${deployment}` },
    {
      name: 'matches a workload whose pod template has labels but no spec yet',
      code: [
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '  name: queue',
        'spec:',
        '  template:',
        '    metadata:',
        '      labels:',
        '        tier: queue',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: queue',
        'spec:',
        '  selector:',
        '    tier: queue',
        '  ports:',
        '    - port: 5672',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'typo in the selector',
      code: svc('wbe'),
      path: 'svc.yaml',
      files: { 'deploy.yaml': deployment },
      errors: [{ line: 6, column: 3, endColumn: 11, message: "Service 'web' selects no pod" }],
    },
  ],
};

export default cases;
