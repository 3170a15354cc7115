// Stands in for the VS Code executable that @vscode/test-electron's runTests would download:
// it takes the same command line (--extensionDevelopmentPath=, --extensionTestsPath=,
// --extensions-dir=, --user-data-dir=, a folder), runs code-server with headless Chromium, asks
// the workbench to run the extension tests (the `payload` URL parameter), and exits with the
// suite's code, which the workbench reports through `codeAutomationExit`.
//
// Environment: BULWARK_E2E_TIMEOUT_MS (whole run, default 6 min), BULWARK_E2E_VERBOSE=1 (all
// browser and server output), BULWARK_E2E_SCREENSHOT=<png path> (saved when the suite ends),
// BULWARK_E2E_TRUST=1 (keep workspace trust on, so the folder opens untrusted).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  freePort,
  killGroup,
  launchChromium,
  makeRunDir,
  seedUserSettings,
  startCodeServer,
  workbenchUrl,
} from './lib/codeServer.mjs';

const verbose = process.env.BULWARK_E2E_VERBOSE === '1';
const timeoutMs = Number(process.env.BULWARK_E2E_TIMEOUT_MS ?? 360_000);

function parseArgs(argv) {
  const opts = { positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      opts.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) opts.flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (
      ['extensionDevelopmentPath', 'extensionTestsPath', 'extensions-dir', 'user-data-dir'].includes(
        a.slice(2),
      )
    )
      opts.flags.set(a.slice(2), argv[++i]);
    else opts.flags.set(a.slice(2), true);
  }
  return opts;
}

const args = parseArgs(process.argv.slice(2));
const testsPath = args.flags.get('extensionTestsPath');
const devPath = args.flags.get('extensionDevelopmentPath');
if (typeof testsPath !== 'string' || typeof devPath !== 'string') {
  console.error('launcher: --extensionTestsPath and --extensionDevelopmentPath are required');
  process.exit(2);
}
const folder = args.positional[0] ? resolve(args.positional[0]) : undefined;

const run = makeRunDir('bulwark-e2e-host-');
// test-electron passes a shared profile unless told otherwise; a fresh one per run is ours.
if (typeof args.flags.get('user-data-dir') === 'string')
  run.userDataDir = resolve(args.flags.get('user-data-dir'));
if (typeof args.flags.get('extensions-dir') === 'string')
  run.extensionsDir = resolve(args.flags.get('extensions-dir'));
const trust = process.env.BULWARK_E2E_TRUST === '1';
seedUserSettings(run.userDataDir, trust ? { 'security.workspace.trust.startupPrompt': 'never' } : {});

let server;
let browser;
let exitCode = 1;
let cleaning = false;

async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  await browser?.close().catch(() => {});
  if (server) killGroup(server.child);
  if (process.env.BULWARK_E2E_KEEP !== '1') run.remove();
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`launcher: ${sig}, stopping`);
    void cleanup().then(() => process.exit(130));
  });
}

/**
 * Extension-host console lines reach the page console mixed with the workbench's own log lines
 * (as "%c INFO color: #33f <text>"); the suite marks its own with CONSOLE_MARK.
 */
const CONSOLE_MARK = '[bulwark-e2e] ';
process.env.BULWARK_E2E_CONSOLE_MARK = CONSOLE_MARK;
function extensionHostText(msg) {
  const text = msg.text();
  const at = text.indexOf(CONSOLE_MARK);
  return at < 0 ? undefined : text.slice(at + CONSOLE_MARK.length).trimEnd();
}

async function main() {
  const port = await freePort();
  server = await startCodeServer(run, {
    port,
    trust,
    log: verbose ? (l) => console.error(`code-server: ${l}`) : () => {},
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const finished = new Promise((resolveExit, rejectExit) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    page.on('crash', () => rejectExit(new Error('the workbench page crashed')));
    server.child.on('exit', (code, sig) =>
      rejectExit(new Error(`code-server exited (${code ?? sig}) before the suite ended`)),
    );
  });
  page.on('console', (msg) => {
    const text = extensionHostText(msg);
    if (text !== undefined) console.log(text);
    else if (verbose) console.error(`browser ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => verbose && console.error(`browser pageerror: ${err.message}`));
  await page.goto(workbenchUrl(server, { folder, payload }));
  let timer;
  const timeout = new Promise((_, rejectTimeout) => {
    timer = setTimeout(
      () => rejectTimeout(new Error(`the suite did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    exitCode = await Promise.race([finished, timeout]);
  } finally {
    clearTimeout(timer);
    const shot = process.env.BULWARK_E2E_SCREENSHOT;
    if (shot) {
      mkdirSync(dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
    }
  }
}

try {
  await main();
} catch (err) {
  console.error(`launcher: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
}
await cleanup();
process.exit(exitCode);
