import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'mem_limit', code: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n' },
    {
      name: 'deploy limits',
      code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, message: 'memory limit' }],
      fixes: ['Add a memory limit skeleton'],
    },
    {
      name: 'deploy without memory',
      code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n',
      errors: [{ line: 2, column: 3 }],
      fixes: ['Add a memory limit skeleton'],
    },
  ],
};

export default cases;
