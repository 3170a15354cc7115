/**
 * `bulwark` on the command line: the same core as the language server, run over files and
 * folders, reporting as text, JSON or SARIF. See docs/cli.md.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { version } from '../../package.json';
import { runCheckWorker } from './cli/checkWorker';
import { runCli } from './cli/main';
import { tuneForBatchRun } from './node/batchTuning';
import { CHECK_WORKER_KIND, type CheckWorkerData } from './cli/workerPool';

const asWorker = workerData as CheckWorkerData | undefined;
if (!isMainThread && parentPort && asWorker?.kind === CHECK_WORKER_KIND) {
  void runCheckWorker(parentPort, asWorker);
} else main();

function main(): void {
  tuneForBatchRun();
  const io = {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (s: string) => void process.stdout.write(s),
    stderr: (s: string) => void process.stderr.write(s),
  };

  // dist/cli.js sits next to its assets (tree-sitter wasm files, schemas/).
  // Worker threads of `check --jobs N` start this same bundle.
  runCli(process.argv.slice(2), io, { assetsDir: __dirname, version, workerScript: __filename }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`bulwark: internal error: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
