import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'pinned', code: 'services:\n  web:\n    image: nginx:1.27.2\n' },
    {
      name: 'digest',
      code: 'services:\n  web:\n    image: nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n',
    },
    { name: 'interpolated tag', code: 'services:\n  web:\n    image: nginx:${NGINX_TAG:-latest}\n' },
    { name: 'registry with port', code: 'services:\n  web:\n    image: registry.local:5000/team/web:2.0\n' },
  ],
  invalid: [
    {
      name: 'latest',
      code: 'services:\n  web:\n    image: nginx:latest\n',
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 24, message: 'latest' }],
    },
    {
      name: 'latest behind a registry port',
      code: 'services:\n  web:\n    image: "registry.local:5000/web:latest"\n',
      errors: [{ line: 3, column: 12 }],
    },
    {
      name: 'stable floats too',
      code: 'services:\n  web:\n    image: nginx:stable-alpine\n  proxy:\n    image: traefik:stable\n',
      errors: [{ line: 5, column: 12, message: '"stable"' }],
    },
    {
      name: 'dev, beta and test channel tags float',
      code: 'services:\n  api:\n    image: ghcr.io/acme/api:dev\n  worker:\n    image: acme/worker:beta\n  e2e:\n    image: acme/e2e:test\n  docs:\n    image: acme/docs:beta-2\n',
      errors: [
        { line: 3, column: 12, message: '"dev"' },
        { line: 5, column: 12, message: '"beta"' },
        { line: 7, column: 12, message: '"test"' },
      ],
    },
  ],
};

export default cases;
