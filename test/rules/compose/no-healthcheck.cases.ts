import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'healthcheck set',
      code: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n',
    },
    {
      name: 'extends another service',
      code: 'services:\n  base:\n    image: app:1\n    healthcheck:\n      test: ["CMD", "true"]\n  web:\n    extends: base\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'no healthcheck' }],
      fixes: ['Add a healthcheck skeleton'],
    },
    {
      name: 'disabled',
      code: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      disable: true\n',
      errors: [{ line: 5, column: 7, message: 'disables' }],
    },
    {
      name: 'test NONE',
      code: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["NONE"]\n',
      errors: [{ line: 5, column: 13 }],
    },
  ],
};

export default cases;
