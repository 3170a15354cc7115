// Bundles the extension client, the language server and the CLI, and copies their run-time
// assets (tree-sitter WASM, generated schemas) next to them in dist/.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

mkdirSync(dist, { recursive: true });

/**
 * `yaml`'s parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` (debug switches) for every token, and each read
 * goes through Node's environment interceptor: 15-20% of the CPU of parsing a 5 MiB manifest
 * (1.5 million tokens). In the bundle those two modules get an empty `env` instead; nothing else of
 * `yaml` changes.
 */
const quietYamlParser = {
  name: 'quiet-yaml-parser',
  setup(build) {
    build.onResolve({ filter: /^(node:)?process$/ }, (args) =>
      /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](?:parse[\\/]parser|compose[\\/]composer)\.js$/.test(
        args.importer,
      )
        ? { path: 'yaml-parser-process', namespace: 'bulwark-shim' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'bulwark-shim' }, () => ({
      contents: 'module.exports = { env: {} };',
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  plugins: [quietYamlParser],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The ESM build of web-tree-sitter calls createRequire(import.meta.url), undefined in CJS.
  alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs') },
};

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
];

const contexts = [];
for (const e of entries) {
  if (!existsSync(join(root, e.in))) continue;
  const options = {
    ...common,
    entryPoints: [join(root, e.in)],
    outfile: join(dist, `${e.out}.js`),
    external: e.external ?? [],
    banner: e.banner ? { js: e.banner } : undefined,
  };
  if (watch) contexts.push(await esbuild.context(options));
  else await esbuild.build(options);
}

copyAssets();
await precompileValidators();
// `bin` links set this on install; running dist/cli.js directly needs it too.
if (existsSync(join(dist, 'cli.js'))) chmodSync(join(dist, 'cli.js'), 0o755);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching...');
}

function copyAssets() {
  cpSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'), join(dist, 'web-tree-sitter.wasm'));
  const grammar = join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-hcl');
  cpSync(join(grammar, 'tree-sitter-hcl.wasm'), join(dist, 'tree-sitter-hcl.wasm'));
  cpSync(join(grammar, 'tree-sitter-terraform.wasm'), join(dist, 'tree-sitter-terraform.wasm'));
  if (existsSync(join(root, 'schemas'))) {
    cpSync(join(root, 'schemas'), join(dist, 'schemas'), {
      recursive: true,
      filter: (src) => !src.endsWith('.md'),
    });
  }
}

/**
 * Writes ajv standalone code for the Compose schema and the common Kubernetes kinds to
 * dist/schemas/precompiled/ (server/src/core/schema/precompile.ts says which), bundled with the
 * ajv run-time pieces it requires. Skipped when the schemas and the generator are unchanged.
 */
async function precompileValidators() {
  const schemas = join(dist, 'schemas');
  const out = join(schemas, 'precompiled');
  const generator = join(root, 'server/src/core/schema/precompile.ts');
  if (!existsSync(join(schemas, 'kubernetes')) || !existsSync(generator)) return;
  const hash = createHash('sha256');
  for (const f of [generator, join(root, 'server/src/core/schema/ajv.ts'), join(root, 'package-lock.json')]) {
    hash.update(readFileSync(f));
  }
  for (const f of listFiles(join(root, 'schemas')))
    hash.update(`${relative(root, f)}\0`).update(readFileSync(f));
  const stamp = join(out, 'stamp');
  const digest = hash.digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;

  const tmp = mkdtempSync(join(tmpdir(), 'bulwark-precompile-'));
  try {
    const genOut = join(tmp, 'precompile.cjs');
    await esbuild.build({
      ...common,
      sourcemap: false,
      minify: false,
      entryPoints: [generator],
      outfile: genOut,
    });
    const { precompiledSources } = createRequire(import.meta.url)(genOut);
    const load = (rel) => {
      try {
        return JSON.parse(readFileSync(join(schemas, rel), 'utf8'));
      } catch {
        return undefined;
      }
    };
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const { name, code, keys } of precompiledSources(load)) {
      writeFileSync(join(tmp, `${name}.raw.js`), code);
      const entries = Object.entries(keys).map(([key, exp]) => `  ${JSON.stringify(key)}: raw.${exp},`);
      writeFileSync(
        join(tmp, `${name}.js`),
        `const raw = require('./${name}.raw.js');\nmodule.exports = {\n${entries.join('\n')}\n};\n`,
      );
      await esbuild.build({
        ...common,
        sourcemap: false,
        minify: true,
        entryPoints: [join(tmp, `${name}.js`)],
        outfile: join(out, `${name}.js`),
        nodePaths: [join(root, 'node_modules')],
      });
    }
    writeFileSync(stamp, digest);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}
