import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'project folder',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./conf:/etc/nginx/conf.d:ro\n',
    },
    {
      name: 'time zone file read-only',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n',
    },
    {
      name: 'docker socket is another rule',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    },
    {
      name: 'data folder',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/pg:/var/lib/postgresql/data\n',
    },
    {
      name: 'project folders with dotted names',
      code: [
        'services:',
        '  site:',
        '    image: example/site:1.0',
        '    volumes:',
        '      - ./ssh-docs:/srv/docs',
        '      - ./public/.well-known:/srv/.well-known:ro',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'host root and /etc',
      code: 'services:\n  node-exporter:\n    image: prom/node-exporter:v1.8.2\n    volumes:\n      - /:/host:ro\n      - /etc:/host/etc\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 19, message: '/' },
        { line: 6, column: 9, message: 'read-write' },
      ],
    },
    {
      name: 'long syntax /proc',
      code: 'services:\n  agent:\n    image: agent:1\n    volumes:\n      - type: bind\n        source: /proc/\n        target: /host/proc\n        read_only: true\n',
      errors: [{ line: 6, column: 17, message: '/proc' }],
    },
    {
      name: 'named volume binding /etc',
      code: [
        'services:',
        '  app:',
        '    image: app:1',
        '    volumes:',
        '      - hostetc:/host/etc',
        'volumes:',
        '  hostetc:',
        '    driver: local',
        '    driver_opts:',
        '      type: none',
        '      o: bind',
        '      device: /etc',
        '',
      ].join('\n'),
      errors: [{ line: 12, column: 15, message: 'Volume "hostetc"' }],
    },
    {
      name: 'user credential folders (SSH keys, cloud and cluster credentials)',
      code: [
        'services:',
        '  deployer:',
        '    image: example/deployer:2.3',
        '    volumes:',
        '      - ~/.ssh:/home/app/.ssh:ro',
        '      - ${HOME}/.aws:/home/app/.aws',
        '      - /home/ci/.kube/config:/home/app/.kube/config:ro',
        '      - ./secrets-not-here:/data',
        '',
      ].join('\n'),
      errors: [
        { line: 5, column: 9 },
        { line: 6, column: 9 },
        { line: 7, column: 9 },
      ],
    },
    {
      name: 'the whole /var or /home folder',
      code: [
        'services:',
        '  indexer:',
        '    image: example/indexer:4.1',
        '    volumes:',
        '      - /var:/hostvar:ro',
        '      - type: bind',
        '        source: /home/',
        '        target: /users',
        '      - /var/cache/indexer:/cache',
        '      - /home/ci/builds:/builds',
        '',
      ].join('\n'),
      errors: [
        { line: 5, column: 9, message: '/var' },
        { line: 7, column: 17, message: '/home' },
      ],
    },
    {
      name: 'named volume of a plugin driver with a sensitive mountpoint',
      code: [
        'services:',
        '  store:',
        '    image: example/store:2',
        '    volumes:',
        '      - keep:/data',
        'volumes:',
        '  keep:',
        '    driver: local-persist',
        '    driver_opts:',
        '      mountpoint: /etc/store',
        '  other:',
        '    driver: local-persist',
        '    driver_opts:',
        '      mountpoint: /srv/store',
        '',
      ].join('\n'),
      errors: [{ line: 10, column: 19, message: 'Volume "keep"' }],
    },
  ],
};

export default cases;
