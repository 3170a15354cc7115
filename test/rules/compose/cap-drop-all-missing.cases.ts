import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'drops ALL', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n' },
    {
      name: 'privileged is reported elsewhere',
      code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n',
    },
  ],
  invalid: [
    {
      name: 'no cap_drop',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3 }],
    },
    {
      name: 'drops some',
      code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 13, message: 'not ALL' }],
    },
  ],
};

export default cases;
