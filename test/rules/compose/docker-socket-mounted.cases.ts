import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'named volume',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - data:/var/lib/postgresql/data\nvolumes:\n  data: {}\n',
    },
    {
      name: 'unrelated bind',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n',
    },
  ],
  invalid: [
    {
      name: 'short syntax',
      code: 'services:\n  agent:\n    image: portainer/agent:2.19\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 53, message: 'Docker socket' }],
    },
    {
      name: 'long syntax',
      code: [
        'services:',
        '  traefik:',
        '    image: traefik:v3.1',
        '    volumes:',
        '      - type: bind',
        '        source: /run/docker.sock',
        '        target: /var/run/docker.sock',
        '',
      ].join('\n'),
      errors: [{ line: 6, column: 17, endLine: 6, endColumn: 33 }],
    },
  ],
};

export default cases;
