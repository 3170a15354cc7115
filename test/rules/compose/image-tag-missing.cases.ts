import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'tagged', code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'build names its image', code: 'services:\n  web:\n    build: .\n    image: myorg/web\n' },
    { name: 'build only', code: 'services:\n  web:\n    build: .\n' },
    {
      name: 'digest only',
      code: 'services:\n  web:\n    image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n',
    },
    { name: 'whole image from a variable', code: 'services:\n  web:\n    image: ${WEB_IMAGE}\n' },
  ],
  invalid: [
    {
      name: 'no tag',
      code: 'services:\n  web:\n    image: nginx\n',
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 17, message: 'without a tag' }],
    },
    {
      name: 'registry port is not a tag',
      code: 'services:\n  web:\n    image: registry.local:5000/team/web\n',
      errors: [{ line: 3, column: 12 }],
    },
  ],
};

export default cases;
