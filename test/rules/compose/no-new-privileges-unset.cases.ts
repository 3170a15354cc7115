import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'colon form',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n',
    },
    {
      name: 'equals form',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges=true"]\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, endColumn: 6 }],
    },
    {
      name: 'other options only',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - apparmor:docker-default\n',
      errors: [{ line: 4, column: 5, endColumn: 17 }],
    },
    {
      name: 'set to false',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:false\n',
      errors: [{ line: 5, column: 9, message: 'false' }],
    },
  ],
};

export default cases;
