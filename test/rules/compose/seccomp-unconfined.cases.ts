import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'custom profile',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - seccomp:./seccomp.json\n',
    },
    { name: 'no options', code: 'services:\n  web:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    {
      name: 'unconfined',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:unconfined\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 27 }],
    },
    {
      name: 'equals form',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: ["seccomp=unconfined"]\n',
      errors: [{ line: 4, column: 20 }],
    },
  ],
};

export default cases;
