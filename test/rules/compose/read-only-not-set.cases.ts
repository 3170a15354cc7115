import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [{ name: 'read only', code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n' }],
  invalid: [
    { name: 'missing', code: 'services:\n  web:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] },
    {
      name: 'false',
      code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: false\n',
      errors: [{ line: 4, column: 5, endColumn: 21 }],
    },
  ],
};

export default cases;
