import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkCompose } from '../../server/src/core/compose/check';
import { isInterpolated } from '../../server/src/core/compose/interpolation';
import { parseYaml } from '../../server/src/core/yaml/yamlFile';
import { composeRows, schemaStore, type Row } from './schemaTestKit';

interface Case {
  name: string;
  text: string;
  /** Every finding expected, in file order: [ruleId, 1-based 'line:col-endLine:endCol', message]. */
  expect: Row[];
}

const cases: Case[] = [
  {
    name: 'a typo in a service key: at the key, with did you mean',
    text: 'services:\n  web:\n    imagee: nginx\n',
    expect: [['compose/schema-unknown-field', '3:5-3:11', "Unknown field 'imagee'; did you mean 'image'?"]],
  },
  {
    name: 'a typo at the top level, next to the key it meant',
    text: 'service:\n  web: {}\nservices:\n  web:\n    image: nginx\n',
    expect: [
      ['compose/schema-unknown-field', '1:1-1:8', "Unknown field 'service'; did you mean 'services'?"],
    ],
  },
  {
    name: 'x- extensions are allowed wherever the spec allows them',
    text: `x-common: {a: 1}
services:
  web:
    image: nginx
    x-owner: team
    build:
      context: .
      x-bake: {platforms: [linux/amd64]}
    ports:
      - target: 80
        x-note: public
networks:
  front:
    x-tier: edge
volumes:
  data:
    x-backup: nightly
`,
    expect: [],
  },
  {
    name: 'anchors and << merge keys: merged keys are not unknown fields',
    text: `x-defaults: &defaults
  restart: always
  environment:
    TZ: UTC
services:
  web:
    <<: *defaults
    image: nginx
  worker:
    <<: [*defaults]
    image: worker
`,
    expect: [],
  },
  {
    name: 'a typo inside a merged anchor is reported once, where it is written',
    text: `x-defaults: &defaults
  restrat: always
services:
  web:
    <<: *defaults
    image: nginx
  worker:
    <<: *defaults
    image: worker
`,
    expect: [
      ['compose/schema-unknown-field', '2:3-2:10', "Unknown field 'restrat'; did you mean 'restart'?"],
    ],
  },
  {
    name: 'interpolated values never raise type or format errors',
    text: `services:
  web:
    image: nginx:\${TAG:-latest}
    ports: ["\${PORT:-80}:80", "\${HOST_IP}:443:443"]
    cpus: \${CPUS}
    mem_limit: \${MEM:-512m}
    scale: $SCALE
    healthcheck:
      retries: \${RETRIES:-3}
      disable: \${NO_HEALTHCHECK:-false}
    deploy:
      replicas: \${N:-1}
      resources:
        limits:
          cpus: "\${LIMIT_CPUS:-0.5}"
`,
    expect: [],
  },
  {
    name: 'a non-interpolated value of the wrong type is still an error',
    text: 'services:\n  web:\n    image: 5\n    deploy:\n      replicas: [1]\n',
    expect: [
      ['compose/schema-type', '3:12-3:13', 'Expected string but found integer'],
      ['compose/schema-type', '5:17-5:20', 'Expected string or integer but found array'],
    ],
  },
  {
    name: 'an escaped $$ is not an interpolation, ${VAR} is',
    text: `services:
  web:
    image: nginx
    depends_on:
      db: {condition: $$COND}
      cache:
        condition: \${COND}
  db: {image: postgres}
  cache: {image: redis}
`,
    expect: [
      [
        'compose/schema-invalid',
        '5:23-5:29',
        "Value '$$COND' is not one of 'service_started', 'service_healthy', 'service_completed_successfully'",
      ],
    ],
  },
  {
    name: 'oneOf: the branch the value type picks decides the message',
    text: `services:
  web:
    image: nginx
    build: 123
    ports:
      - true
      - target: 80
        pubished: 8080
    volumes:
      - source: ./data
        target: /data
`,
    expect: [
      ['compose/schema-type', '4:12-4:15', 'Expected object or string but found integer'],
      ['compose/schema-type', '6:9-6:13', 'Expected object, string or number but found boolean'],
      ['compose/schema-unknown-field', '8:9-8:17', "Unknown field 'pubished'; did you mean 'published'?"],
      ['compose/schema-required', '10:9-10:15', "Missing required field 'type'"],
    ],
  },
  {
    name: 'missing required field: at the key of the object that lacks it',
    text: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db: {restart: true}\n  db:\n    image: postgres\n',
    expect: [['compose/schema-required', '5:7-5:9', "Missing required field 'condition'"]],
  },
  {
    name: 'other schema failures are compose/schema-invalid with a clear message',
    text: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db: {condition: started}\n  db:\n    image: postgres\n',
    expect: [
      [
        'compose/schema-invalid',
        '5:23-5:30',
        "Value 'started' is not one of 'service_started', 'service_healthy', 'service_completed_successfully'",
      ],
    ],
  },
  {
    name: 'a service name outside the allowed pattern',
    text: 'services:\n  "web app":\n    image: nginx\n',
    expect: [
      [
        'compose/schema-unknown-field',
        '2:3-2:12',
        "Key 'web app' is not allowed here: keys must match ^[a-zA-Z0-9._-]+$",
      ],
    ],
  },
  {
    name: 'a document with a YAML syntax error is still validated',
    text: 'services:\n  web:\n    image: nginx\n    labels: {a: b\n    imagee: x\n',
    expect: [['compose/schema-unknown-field', '5:5-5:11', "Unknown field 'imagee'; did you mean 'image'?"]],
  },
  {
    name: 'an empty or comment-only file has nothing to validate',
    text: '# nothing yet\n',
    expect: [],
  },
];

describe('Compose schema checks', () => {
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(composeRows(c.text), c.expect);
    });
  }

  test('a realistic compose file produces no findings', () => {
    const text = readFileSync(join(__dirname, '../fixtures/schema/compose-valid.yaml'), 'utf8');
    assert.deepEqual(composeRows(text), []);
  });

  test('the same file with a typo reports it with a rename fix', () => {
    const text = readFileSync(join(__dirname, '../fixtures/schema/compose-valid.yaml'), 'utf8').replace(
      '    image: postgres:16',
      '    imagee: postgres:16',
    );
    const findings = checkCompose(parseYaml(text), schemaStore);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f?.ruleId, 'compose/schema-unknown-field');
    assert.deepEqual(f?.fixes?.[0]?.edits, [
      { range: { start: { line: 65, character: 4 }, end: { line: 65, character: 10 } }, newText: 'image' },
    ]);
  });

  const interpolations: [string, boolean][] = [
    ['${VAR}', true],
    ['${VAR:-default}', true],
    ['${VAR?error}', true],
    ['$VAR', true],
    ['prefix-${VAR}-suffix', true],
    ['$$VAR', false],
    ['$$${VAR}', true],
    ['cost: $5', false],
    ['plain', false],
  ];
  for (const [value, expected] of interpolations) {
    test(`isInterpolated(${JSON.stringify(value)}) is ${expected}`, () => {
      assert.equal(isInterpolated(value), expected);
    });
  }
});
