/**
 * `bulwark` on the command line: the same core as the language server, run over files and
 * folders, reporting as text, JSON or SARIF. See docs/cli.md.
 */
import { version } from '../../package.json';
import { runCli } from './cli/main';

const io = {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stdout: (s: string) => void process.stdout.write(s),
  stderr: (s: string) => void process.stderr.write(s),
};

// dist/cli.js sits next to its assets (tree-sitter wasm files, schemas/).
runCli(process.argv.slice(2), io, { assetsDir: __dirname, version }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bulwark: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
