// One self-contained JSON schema from Bulwark's per-group Kubernetes schemas, for tools that take
// a single schema per file (yaml-language-server): every definition under one `definitions`
// table, cross-file `$ref`s rewritten to local ones, and a top-level `oneOf` over every kind.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeCombinedK8sSchema(schemasDir, outFile) {
  const dir = join(schemasDir, 'kubernetes');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const definitions = {};
  const local = (file, ref) => {
    const [f, pointer] = ref.split('#');
    const name = (pointer ?? '').replace(/^\/definitions\//, '');
    return `#/definitions/${(f || file).replace(/\.json$/, '')}.${name}`;
  };
  for (const file of index.files) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const rewrite = (v) => {
      if (Array.isArray(v)) return v.map(rewrite);
      if (v === null || typeof v !== 'object') return v;
      const out = {};
      for (const [k, x] of Object.entries(v))
        out[k] = k === '$ref' && typeof x === 'string' ? local(file, x) : rewrite(x);
      return out;
    };
    for (const [name, def] of Object.entries(schema.definitions ?? {})) {
      definitions[`${file.replace(/\.json$/, '')}.${name}`] = rewrite(def);
    }
  }
  const oneOf = [];
  for (const { kinds } of Object.values(index.apiVersions)) {
    for (const ref of Object.values(kinds)) oneOf.push({ $ref: local('', ref) });
  }
  writeFileSync(
    outFile,
    JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', oneOf, definitions }),
  );
  return { kinds: oneOf.length, definitions: Object.keys(definitions).length };
}
