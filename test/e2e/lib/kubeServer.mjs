// Starts the kubectl test API server in its own process group for the extension-host suite, so the
// extension's real kubectl (KUBECONFIG / KUBECACHEDIR in code-server's environment) talks to it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './codeServer.mjs';

/** Resolves with { port, env, stop } once the server printed its address (bounded at 30 s). */
export function startKubeServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/e2e/kubeServerMain.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: tsx runs the server in a child
      } catch {
        resolve();
      }
    });
  // If the runner exits another way (its watchdog), the server must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error('the kube test API server did not start within 30 s'));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the kube test API server exited (${code}) before it was ready`));
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.once('exit', () => process.removeListener('exit', killOnExit));
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      const { port, ...env } = JSON.parse(out.slice(0, nl));
      resolve({ port, env, stop });
    });
  });
}
