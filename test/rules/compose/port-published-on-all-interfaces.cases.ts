import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'long syntax with the address written into published',
      code: 'services:\n  admin:\n    image: adminer:4\n    ports:\n      - target: 8080\n        published: 10.1.2.3:9090\n',
    },
    {
      name: 'loopback',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n',
    },
    { name: 'expose only', code: 'services:\n  web:\n    image: nginx:1.27\n    expose:\n      - "80"\n' },
    {
      name: 'ipv6 loopback',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "[::1]:8080:80"\n',
    },
    {
      name: 'long syntax with host_ip',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n',
    },
    {
      name: 'host ip from a variable',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${BIND_ADDR}:8080:80"\n',
    },
    {
      name: 'host network',
      code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n    ports:\n      - "8080:80"\n',
    },
  ],
  invalid: [
    {
      name: 'long syntax with 0.0.0.0 written into published',
      code: 'services:\n  admin:\n    image: adminer:4\n    ports:\n      - target: 8080\n        published: 0.0.0.0:9090\n',
      errors: [{ line: 6, column: 9 }],
    },
    {
      name: 'short syntax without ip',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 18, message: '8080:80' }],
      fixes: ['Bind the port to 127.0.0.1'],
    },
    {
      name: 'explicit 0.0.0.0, unquoted',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 0.0.0.0:443:443/tcp\n',
      errors: [{ line: 5, column: 9 }],
      fixes: ['Bind the port to 127.0.0.1'],
    },
    {
      name: 'container port only',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80\n',
      errors: [{ line: 5, column: 9 }],
      fixes: ['Bind the port to 127.0.0.1'],
    },
    {
      name: 'interpolated host port',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${WEB_PORT:-8080}:80"\n',
      errors: [{ line: 5, column: 9 }],
      fixes: ['Bind the port to 127.0.0.1'],
    },
    {
      name: 'long syntax without host_ip',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        protocol: tcp\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 26 }],
      fixes: ['Bind the port to 127.0.0.1'],
    },
    {
      name: 'long syntax host_ip 0.0.0.0',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        host_ip: 0.0.0.0\n',
      errors: [{ line: 6, column: 18 }],
      fixes: ['Bind the port to 127.0.0.1'],
    },
  ],
};

export default cases;
