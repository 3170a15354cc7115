import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'default profile',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - apparmor:docker-default\n',
    },
  ],
  invalid: [
    {
      name: 'unconfined',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - apparmor:unconfined\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 28 }],
    },
    {
      name: 'equals form',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - "apparmor=unconfined"\n',
      errors: [{ line: 5, column: 9 }],
    },
  ],
};

export default cases;
