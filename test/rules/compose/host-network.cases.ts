import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'default', code: 'services:\n  web:\n    image: nginx:1.27\n' },
    {
      name: 'another mode',
      code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: "service:db"\n',
    },
  ],
  invalid: [
    {
      name: 'host',
      code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      name: 'quoted host',
      code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: app:1\n    network_mode: "host"\n',
      errors: [{ line: 6, column: 5, message: '"app"' }],
    },
  ],
};

export default cases;
