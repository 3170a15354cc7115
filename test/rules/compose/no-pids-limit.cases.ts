import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'pids_limit', code: 'services:\n  web:\n    image: nginx:1.27\n    pids_limit: 200\n' },
    {
      name: 'deploy pids',
      code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          pids: 100\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, message: 'no PIDs limit' }],
    },
    {
      name: 'unlimited',
      code: 'services:\n  web:\n    image: nginx:1.27\n    pids_limit: -1\n',
      errors: [{ line: 4, column: 17, message: 'unlimited' }],
    },
  ],
};

export default cases;
