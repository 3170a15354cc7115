import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'secretKeyRef, file paths, flags and templated values',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: { name: db, key: password }
        - name: DB_PASSWORD_FILE
          value: /run/secrets/db
        - name: AUTH_ENABLED
          value: "true"
        - name: API_TOKEN
          value: "\${API_TOKEN}"
        - name: LOG_LEVEL
          value: debug
`,
    },
  ],
  invalid: [
    {
      name: 'literal password and api key',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: MYSQL_ROOT_PASSWORD
          value: hunter2
        - name: LOG_LEVEL
          value: debug
        - name: apiKey
          value: "abc123"
`,
      errors: [
        { line: 11, column: 18, endColumn: 25, message: 'MYSQL_ROOT_PASSWORD' },
        { line: 15, column: 18, message: 'apiKey' },
      ],
    },
  ],
};

export default cases;
