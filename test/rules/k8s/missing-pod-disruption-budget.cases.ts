import type { RuleCases } from '../cases';

const pdb = (app: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: ${app}
`;

const cases: RuleCases = {
  valid: [
    {
      name: 'PDB in another file of the folder',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
`,
      files: { 'pdb.yaml': pdb('web') },
    },
    {
      name: 'single replica needs none',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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
`,
    },
  ],
  invalid: [
    {
      name: 'no PDB',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
`,
      errors: [{ line: 6, column: 3, message: '3 replicas' }],
    },
    {
      name: 'PDB selecting other pods',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
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
`,
      files: { 'pdb.yaml': pdb('api') },
      errors: [{ line: 6, column: 3 }],
    },
  ],
};

export default cases;
