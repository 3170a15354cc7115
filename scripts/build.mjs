// Bundles the extension client, the language server and the CLI, and copies their run-time
// assets (tree-sitter WASM, generated schemas) next to them in dist/.
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
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
