import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'not privileged', code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'privileged false', code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n' },
    {
      name: 'build with a string context',
      code: 'services:\n  api:\n    build: ./api\n    privileged: false\n',
    },
  ],
  invalid: [
    {
      name: 'privileged image build',
      code: 'services:\n  worker:\n    build:\n      context: ./worker\n      privileged: true\n    image: worker:2\n',
      errors: [{ line: 5, column: 7, message: 'build' }],
      fixes: ['Remove `privileged: true`'],
    },
    {
      name: 'privileged true',
      code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true # needed?\n    restart: always\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 21, message: 'privileged' }],
      fixes: ['Remove `privileged: true`'],
    },
    {
      name: 'privileged in a second service',
      code: 'services:\n  a:\n    image: a:1\n  b:\n    image: b:1\n    privileged: true\n',
      errors: [{ line: 6, column: 5 }],
      fixes: ['Remove `privileged: true`'],
    },
  ],
};

export default cases;
