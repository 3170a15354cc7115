import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'restart set', code: 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n' },
    { name: 'explicit no', code: 'services:\n  job:\n    image: migrate:1\n    restart: "no"\n' },
    {
      name: 'deploy restart_policy',
      code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: '# app\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "127.0.0.1:80:80"\n  db:\n    image: postgres:16\n    restart: always\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 6, message: '"web"' }],
      fixes: ['Add `restart: unless-stopped`'],
    },
    {
      name: 'four-space indentation',
      code: 'services:\n    api:\n        image: api:2.1\n',
      errors: [{ line: 2, column: 5 }],
      fixes: ['Add `restart: unless-stopped`'],
    },
  ],
};

export default cases;
