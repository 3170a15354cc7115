import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'harmless capability',
      code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add:\n      - NET_BIND_SERVICE\n',
    },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN and CAP_NET_ADMIN',
      code: 'services:\n  vpn:\n    image: vpn:1\n    cap_add:\n      - CHOWN\n      - SYS_ADMIN\n      - CAP_NET_ADMIN\n',
      errors: [
        { line: 6, column: 9, endLine: 6, endColumn: 18, message: 'SYS_ADMIN' },
        { line: 7, column: 9, message: 'NET_ADMIN' },
      ],
    },
    {
      name: 'ALL in flow style',
      code: 'services:\n  debug:\n    image: busybox:1.36\n    cap_add: [ALL]\n',
      errors: [{ line: 4, column: 15, message: 'ALL' }],
    },
  ],
};

export default cases;
