// `npm run demo`: Bulwark in a browser, no VS Code install needed. Installs (or reuses)
// code-server, packages the extension, installs the VSIX into a fresh profile, serves the
// workbench on 127.0.0.1 with examples/ open, prints the URL, and stops everything on Ctrl+C.
// Options: --port N (default: a free port), --skip-package (reuse bulwark-<version>.vsix).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  installVsix,
  killGroup,
  makeRunDir,
  ROOT,
  seedUserSettings,
  startCodeServer,
  workbenchUrl,
} from '../test/e2e/lib/codeServer.mjs';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : await freePort();
if (!Number.isInteger(port) || port <= 0) {
  console.error('demo: --port needs a number');
  process.exit(2);
}

function run(title, cmd) {
  console.log(`demo: ${title}`);
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('checking code-server and Chromium (scripts/e2e-setup.sh)', ['bash', join(ROOT, 'scripts/e2e-setup.sh')]);
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vsix = join(ROOT, `${name}-${version}.vsix`);
if (!args.includes('--skip-package') || !existsSync(vsix))
  run('packaging', [process.execPath, join(ROOT, 'scripts/package.mjs')]);

const profile = makeRunDir('bulwark-demo-');
seedUserSettings(profile.userDataDir, { 'workbench.colorTheme': 'Default Dark Modern' });
await installVsix(profile, vsix);
const server = await startCodeServer(profile, { port });

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\ndemo: stopping code-server');
  killGroup(server.child);
  server.child.once('exit', () => {
    profile.remove();
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.child.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`demo: code-server exited (${code ?? signal})`);
  profile.remove();
  process.exit(1);
});

console.log(`\nBulwark demo: open ${workbenchUrl(server, { folder: join(ROOT, 'examples') })}`);
console.log('Press Ctrl+C to stop.');
