// Starts and stops code-server (VS Code 1.100.3 served to a browser) and Debian's Chromium for
// the end-to-end tests and the demo. Every run gets a fresh directory and a free port; every
// process is spawned detached and killed as a whole group, because killing only code-server
// leaves its extension host running for hours.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, URLSearchParams } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const OUTPUT_DIR = join(ROOT, '.test-output', 'e2e');
export const CHROMIUM = process.env.BULWARK_CHROMIUM ?? '/usr/bin/chromium';

// Without the networking flags Chromium keeps dialling Google hosts this closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const execFileP = promisify(execFile);

export function codeServerBin() {
  const bin =
    process.env.BULWARK_CODE_SERVER ?? join(ROOT, '.e2e-cache', 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) throw new Error(`code-server not found at ${bin}; run scripts/e2e-setup.sh first`);
  return bin;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh directory for one code-server: its HOME, user data, extensions and config. */
export function makeRunDir(prefix = 'bulwark-e2e-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const sub of ['home/.config', 'home/.local/share', 'ud/User', 'ext', 'tmp'])
    mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  return {
    dir,
    userDataDir: join(dir, 'ud'),
    extensionsDir: join(dir, 'ext'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Settings that keep the workbench quiet and predictable (no welcome page, no telemetry). */
export function seedUserSettings(userDataDir, extra = {}) {
  const file = join(userDataDir, 'User', 'settings.json');
  mkdirSync(dirname(file), { recursive: true });
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8') || '{}') : {};
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'git.enabled': false,
    ...current,
    ...extra,
  };
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

function codeServerEnv(run) {
  const home = join(run.dir, 'home');
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    // VS Code leaves an IPC socket in the temp folder of each process it starts, which a
    // killed run never removes: kept in the run's folder, they go with it.
    TMPDIR: join(run.dir, 'tmp'),
  };
}

/** `code-server --install-extension` into the run's extensions dir (about a second). */
export async function installVsix(run, vsix) {
  await execFileP(
    codeServerBin(),
    [
      '--user-data-dir',
      run.userDataDir,
      '--extensions-dir',
      run.extensionsDir,
      '--config',
      join(run.dir, 'config.yaml'),
      '--install-extension',
      vsix,
    ],
    { env: codeServerEnv(run), timeout: 120_000 },
  );
}

/**
 * Starts code-server on 127.0.0.1:port and resolves once it says it listens and /healthz
 * answers. `log` receives its output lines.
 */
export async function startCodeServer(
  run,
  { port, trust = false, host = '127.0.0.1', log = () => {}, timeoutMs = 120_000 },
) {
  const args = [
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir',
    run.userDataDir,
    '--extensions-dir',
    run.extensionsDir,
    '--config',
    join(run.dir, 'config.yaml'),
  ];
  if (!trust) args.push('--disable-workspace-trust');
  const child = spawn(codeServerBin(), args, {
    env: codeServerEnv(run),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://${host}:${port}`;
  const server = { child, url, port, stop: () => killGroup(child) };
  await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => fail(new Error(`code-server did not listen within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        log(line);
        if (line.includes('HTTP server listening on')) done();
      }
    };
    const onExit = (code, signal) => fail(new Error(`code-server exited early (${code ?? signal})`));
    function cleanup() {
      clearTimeout(timer);
      child.off('exit', onExit);
    }
    function done() {
      cleanup();
      resolve();
    }
    function fail(err) {
      cleanup();
      killGroup(child);
      reject(err);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  });
  const health = await globalThis.fetch(`${url}/healthz`);
  if (!health.ok) {
    killGroup(child);
    throw new Error(`code-server /healthz answered ${health.status}`);
  }
  return server;
}

/** Kills a detached child and everything it started (its process group). */
export function killGroup(child) {
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    // The leader may be gone while its group (the extension host) lives on.
    if (child?.pid !== undefined) tryKill(-child.pid, 'SIGKILL');
    return;
  }
  tryKill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => tryKill(-child.pid, 'SIGKILL'), 3000);
  timer.unref();
  child.once('exit', () => {
    clearTimeout(timer);
    tryKill(-child.pid, 'SIGKILL');
  });
}

function tryKill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Headless Debian Chromium through playwright-core (it never downloads a browser). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 });
}

/** The workbench URL for a folder (or an empty window), with optional extension-test payload. */
export function workbenchUrl(server, { folder, payload } = {}) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  else params.set('ew', 'true');
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}
