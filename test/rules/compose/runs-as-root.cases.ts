import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'no user: the image decides', code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'unprivileged', code: 'services:\n  web:\n    image: nginx:1.27\n    user: "1000:1000"\n' },
  ],
  invalid: [
    {
      name: 'root',
      code: 'services:\n  web:\n    image: nginx:1.27\n    user: root\n',
      errors: [{ line: 4, column: 11, endLine: 4, endColumn: 15, message: 'root' }],
    },
    {
      name: 'uid 0 with group',
      code: 'services:\n  web:\n    image: nginx:1.27\n    user: "0:0"\n',
      errors: [{ line: 4, column: 11 }],
    },
    {
      name: 'numeric 0',
      code: 'services:\n  web:\n    image: nginx:1.27\n    user: 0\n',
      errors: [{ line: 4, column: 11 }],
    },
  ],
};

export default cases;
