import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { didYouMean } from '../../server/src/core/text/didYouMean';
import { createAjv } from '../../server/src/core/schema/ajv';
import { schemaIssues, toPath } from '../../server/src/core/schema/issues';
import { locate, parseYaml } from '../../server/src/core/yaml/yamlFile';

describe('didYouMean', () => {
  const table: [string, string[], string | undefined][] = [
    ['Deploymnet', ['Deployment', 'DaemonSet', 'StatefulSet'], 'Deployment'],
    ['imagee', ['image', 'command', 'environment'], 'image'],
    ['METADATA', ['meta', 'metadata'], 'metadata'],
    ['contaienrs', ['containers', 'initContainers'], 'containers'],
    ['flavour', ['metadata', 'data', 'binaryData'], undefined],
    ['x', ['y'], 'y'],
    ['ab', ['xyz'], undefined],
    ['image', ['image'], undefined],
  ];
  for (const [word, candidates, expected] of table) {
    test(`${word} -> ${expected ?? 'nothing'}`, () => assert.equal(didYouMean(word, candidates), expected));
  }
});

describe('toPath', () => {
  test('decodes JSON pointers, indexes as numbers', () => {
    assert.deepEqual(toPath(''), []);
    assert.deepEqual(toPath('/spec/containers/0/name'), ['spec', 'containers', 0, 'name']);
    assert.deepEqual(toPath('/metadata/labels/app.kubernetes.io~1name/~0x'), [
      'metadata',
      'labels',
      'app.kubernetes.io/name',
      '~x',
    ]);
  });
});

describe('schemaIssues', () => {
  const ajv = createAjv();
  const validate = ajv.compile({
    type: 'object',
    properties: {
      port: { oneOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9]+(:[0-9]+)?$' }] },
      build: {
        oneOf: [
          { type: 'string' },
          {
            type: 'object',
            properties: { context: { type: 'string' } },
            required: ['context'],
            additionalProperties: false,
          },
        ],
      },
      mode: { enum: ['a', 'b'] },
    },
    additionalProperties: false,
  });
  const issues = (data: unknown) => {
    validate(data);
    return schemaIssues(validate.errors ?? []).map((i) => [i.kind, i.path.join('.'), i.message]);
  };

  test('every branch failing on type: one type issue listing the accepted types', () => {
    assert.deepEqual(issues({ port: true }), [
      ['type', 'port', 'Expected string or number but found boolean'],
    ]);
  });

  test('a branch matching the type but failing a constraint: that constraint', () => {
    assert.deepEqual(issues({ port: 'eighty' }), [
      ['invalid', 'port', "Value 'eighty' does not match the pattern ^[0-9]+(:[0-9]+)?$"],
    ]);
  });

  test('an object branch with member errors: only those, no oneOf noise', () => {
    assert.deepEqual(issues({ build: { contxt: '.' } }), [
      ['required', 'build', "Missing required field 'context'"],
      ['unknown-field', 'build.contxt', "Unknown field 'contxt'; did you mean 'context'?"],
    ]);
  });

  test('enum and unknown top-level keys', () => {
    assert.deepEqual(issues({ mode: 'c', moed: 'a' }), [
      ['unknown-field', 'moed', "Unknown field 'moed'; did you mean 'mode'?"],
      ['invalid', 'mode', "Value 'c' is not one of 'a', 'b'"],
    ]);
  });
});

describe('locate through aliases and merge keys', () => {
  const file = parseYaml(`base: &base
  image: nginx
  nested: &n
    deep: 1
svc:
  <<: *base
  name: web
list:
  - *n
`);
  const doc = file.docs[0]!.doc;
  const at = (path: (string | number)[]) => {
    const loc = locate(doc, path);
    const r = loc.value?.range;
    return [loc.found, r ? file.text.slice(r[0], r[1]) : undefined];
  };

  test('a merged key resolves to where the anchor defines it', () => {
    assert.deepEqual(at(['svc', 'image']), [true, 'nginx']);
    assert.deepEqual(at(['svc', 'nested', 'deep']), [true, '1']);
    assert.equal(locate(doc, ['svc', 'image']).key?.range?.[0], file.text.indexOf('image'));
  });

  test('own keys win and aliases in sequences are followed', () => {
    assert.deepEqual(at(['svc', 'name']), [true, 'web']);
    assert.deepEqual(at(['list', 0, 'deep']), [true, '1']);
  });

  test('a missing key stops at the deepest existing node', () => {
    const loc = locate(doc, ['svc', 'nope', 'x']);
    assert.equal(loc.found, false);
    assert.equal(loc.depth, 1);
  });
});
