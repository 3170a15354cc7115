// Generates the JSON schemas Bulwark validates against, from npm packages (no data copied by hand):
//   schemas/kubernetes/*.json  one file per Kubernetes group/version, from kubernetes-types' .d.ts
//                              files via ts-json-schema-generator (strict: additionalProperties
//                              false, descriptions kept, `required` from optionality), plus
//                              index.json mapping apiVersion + kind to a definition.
//   schemas/compose/compose-spec.json  the compose-spec schema shipped inside dclint.
// Slow (tens of seconds); the output is committed so builds never regenerate. Usage: npm run schemas
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patchDefinitions } from './schemas/k8s-patches.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const tsj = require('ts-json-schema-generator');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const typesDir = join(root, 'node_modules/kubernetes-types');
const outDir = join(root, 'schemas');
const k8sOut = join(outDir, 'kubernetes');
const composeOut = join(outDir, 'compose');

const started = Date.now();
const typesVersion = JSON.parse(readFileSync(join(typesDir, 'package.json'), 'utf8')).version;

rmSync(k8sOut, { recursive: true, force: true });
mkdirSync(k8sOut, { recursive: true });
mkdirSync(composeOut, { recursive: true });

const sourceFiles = listDts(typesDir);
const config = {
  ...tsj.DEFAULT_CONFIG,
  path: join(typesDir, '**/*.d.ts'),
  skipTypeCheck: true,
  expose: 'export',
  jsDoc: 'extended',
  topRef: false,
  additionalProperties: false,
  sortProps: true,
  encodeRefs: false,
};
const program = createProgram(sourceFiles);
const generator = new tsj.SchemaGenerator(
  program,
  tsj.createParser(program, config),
  tsj.createFormatter(config),
  config,
);

/** `kind: List` (v1) is a client-side wrapper kubectl accepts; items are checked as objects of their own. */
const LIST_DEFINITION = {
  description: 'List holds a list of objects, which may not be known by the server.',
  type: 'object',
  properties: {
    apiVersion: { type: 'string', const: 'v1' },
    kind: { type: 'string', const: 'List' },
    metadata: { $ref: 'meta.v1.json#/definitions/ListMeta' },
    items: {
      description: 'List of objects. Each is validated against the schema of its own kind.',
      type: 'array',
      items: { type: 'object' },
    },
  },
  required: ['items'],
  additionalProperties: false,
};

/** @type {Record<string, {kinds: Record<string, string>}>} */
const apiVersions = {};
const files = [];
let totalBytes = 0;
let kindCount = 0;

for (const abs of sourceFiles) {
  const rel = relative(typesDir, abs)
    .split(sep)
    .join('/')
    .replace(/\.d\.ts$/, '');
  if (rel === 'version') continue;
  const fileName = `${rel.replace(/\//g, '.')}.json`;
  const source = program.getSourceFile(abs);
  if (!source) throw new Error(`not in program: ${abs}`);
  const own = exportedDeclarations(source);
  const imports = importedNames(source, rel);
  const schema = generator.createSchemaFromNodes([...own.values()]);

  // Keep this file's own definitions; point references to imported types at their file.
  const definitions = {};
  for (const [name, def] of Object.entries(schema.definitions ?? {})) {
    if (own.has(name)) definitions[name] = rewriteRefs(def, own, imports, rel);
  }
  for (const [name, node] of own) {
    if (name in definitions) continue;
    // A lone root (e.g. runtime.RawExtension) comes back as the schema itself, not a definition.
    const { $schema: _, definitions: __, ...def } = generator.createSchemaFromNodes([node]);
    definitions[name] = rewriteRefs(def, own, imports, rel);
  }
  const kinds = kindsOf(source);
  patchDefinitions(rel, definitions);
  if (rel === 'core/v1') {
    definitions.List = LIST_DEFINITION;
    kinds.push({ kind: 'List', apiVersion: 'v1' });
  }
  for (const { kind, apiVersion } of kinds) {
    const entry = (apiVersions[apiVersion] ??= { kinds: {} });
    entry.kinds[kind] = `${fileName}#/definitions/${kind}`;
    kindCount++;
  }
  const out = { $id: fileName, definitions: sortKeys(definitions) };
  const text = JSON.stringify(out);
  writeFileSync(join(k8sOut, fileName), text);
  files.push(fileName);
  totalBytes += text.length;
}

const index = {
  source: `kubernetes-types@${typesVersion}`,
  kubernetesVersion: typesVersion.split('.').slice(0, 2).join('.'),
  files,
  apiVersions: sortKeys(apiVersions),
};
writeFileSync(join(k8sOut, 'index.json'), JSON.stringify(index, null, 1));

const composeText = writeCompose();

console.log(
  `kubernetes: ${kindCount} kinds in ${Object.keys(apiVersions).length} apiVersions, ${files.length} files, ` +
    `${(totalBytes / 1024).toFixed(0)} KiB; compose: ${(composeText.length / 1024).toFixed(0)} KiB; ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s`,
);

/**
 * A TypeScript program over every .d.ts of kubernetes-types, with source-level corrections:
 * `resource.Quantity` is a bare `string` alias there (inlined by the generator), but the API
 * accepts a JSON number too (`cpu: 1`).
 */
function createProgram(rootNames) {
  const options = {
    noEmit: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    strictNullChecks: false,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = readFile(file);
    if (text === undefined || !file.split(sep).join('/').endsWith('kubernetes-types/api/resource.d.ts'))
      return text;
    const patched = text.replace('export type Quantity = string;', 'export type Quantity = string | number;');
    if (patched === text) throw new Error('kubernetes-types: Quantity declaration not found');
    return patched;
  };
  return ts.createProgram({ rootNames, options, host });
}

function listDts(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listDts(p));
    else if (name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Exported interfaces and type aliases declared in a source file, by name. */
function exportedDeclarations(source) {
  const out = new Map();
  for (const st of source.statements) {
    if (!ts.isInterfaceDeclaration(st) && !ts.isTypeAliasDeclaration(st)) continue;
    if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    out.set(st.name.text, st);
  }
  return out;
}

/** Names imported by a source file, mapped to the output file that defines them. */
function importedNames(source, rel) {
  const out = new Map();
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings) continue;
    const spec = st.moduleSpecifier.text;
    const target = join(dirname(rel), spec).split(sep).join('/');
    const bindings = st.importClause.namedBindings;
    if (!ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) out.set(el.name.text, `${target.replace(/\//g, '.')}.json`);
  }
  return out;
}

/** Interfaces whose `apiVersion` and `kind` are string literals: the resource kinds. */
function kindsOf(source) {
  const out = [];
  for (const st of source.statements) {
    if (!ts.isInterfaceDeclaration(st)) continue;
    const literal = (prop) => {
      const m = st.members.find((x) => ts.isPropertySignature(x) && x.name.getText(source) === prop);
      const t = m?.type;
      return t && ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : undefined;
    };
    const kind = literal('kind');
    const apiVersion = literal('apiVersion');
    if (kind && apiVersion) out.push({ kind, apiVersion });
  }
  return out;
}

function rewriteRefs(node, own, imports, rel) {
  if (Array.isArray(node)) return node.map((x) => rewriteRefs(x, own, imports, rel));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
      const name = v.slice('#/definitions/'.length);
      if (own.has(name)) out[k] = v;
      else if (imports.has(name)) out[k] = `${imports.get(name)}${v}`;
      else throw new Error(`${rel}: cannot resolve reference to ${name}`);
    } else out[k] = rewriteRefs(v, own, imports, rel);
  }
  return out;
}

function sortKeys(obj) {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function writeCompose() {
  const schema = JSON.parse(
    readFileSync(join(root, 'node_modules/dclint/schemas/compose.schema.json'), 'utf8'),
  );
  // Its `$schema` (https, no fragment) is not a meta-schema ajv knows; the content is draft-07.
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  const version = JSON.parse(readFileSync(join(root, 'node_modules/dclint/package.json'), 'utf8')).version;
  schema.$comment = `compose-spec schema as shipped in dclint@${version}`;
  const text = JSON.stringify(schema);
  writeFileSync(join(composeOut, 'compose-spec.json'), text);
  return text;
}
