import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'interpolated and file-based',
      code: [
        'services:',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}',
        '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
        '      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"',
        '      API_TOKEN: $TOKEN',
        '      DB_HOST: db',
        '',
      ].join('\n'),
    },
    {
      name: 'list syntax without secrets',
      code: 'services:\n  app:\n    image: app:1\n    environment:\n      - DB_PASSWORD\n      - SECRET_KEY=${SECRET_KEY:?required}\n      - PASSWORD_MIN_LENGTH=12\n',
    },
  ],
  invalid: [
    {
      name: 'map syntax',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: s3cr3t!\n',
      errors: [{ line: 6, column: 26, endLine: 6, endColumn: 33, message: 'POSTGRES_PASSWORD' }],
    },
    {
      name: 'list syntax and url with password',
      code: [
        'services:',
        '  app:',
        '    image: app:1',
        '    environment:',
        '      - AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '      - DATABASE_URL=postgres://app:hunter2@db:5432/app',
        '      - GITHUB_TOKEN=ghp_abc123',
        '',
      ].join('\n'),
      errors: [
        { line: 5, column: 9, message: 'AWS_SECRET_ACCESS_KEY' },
        { line: 6, column: 9, message: 'DATABASE_URL' },
        { line: 7, column: 9 },
      ],
    },
  ],
};

export default cases;
