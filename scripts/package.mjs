// `npm run package`: a production build, then `vsce package` into bulwark-<version>.vsix, offline.
// The bundles in dist/ carry their dependencies, so node_modules stays out (--no-dependencies);
// .vscodeignore lists what goes in. Prints the VSIX path and size.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]
  : join(root, `${name}-${version}.vsix`);

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run([join(root, 'scripts', 'build.mjs'), '--production']);
run([
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  // README's relative links point at the repository (the base protocol.ts uses for rule docs).
  '--baseContentUrl',
  'https://github.com/bulwark-dev/bulwark/blob/main',
  '--baseImagesUrl',
  'https://github.com/bulwark-dev/bulwark/raw/main',
  '--out',
  out,
]);
console.log(`package: ${out} (${(statSync(out).size / 1024).toFixed(1)} KiB)`);
