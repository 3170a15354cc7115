import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../server/src/cli/io';

/** Repository root. */
export const ROOT = join(__dirname, '..', '..');

/** The bundled CLI; `npm test` builds it first. */
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the run had to be killed for exceeding its time bound. */
  timedOut: boolean;
}

/** Runs `node dist/cli.js ...args` in `cwd`, bounded in time, without a shell. */
export function runCli(
  args: readonly string[],
  cwd: string,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.NO_COLOR;
  if (options.env?.NO_COLOR !== undefined) env.NO_COLOR = options.env.NO_COLOR;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env, timeout: options.timeoutMs ?? 20_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          stdout,
          stderr,
          timedOut: e?.killed === true && e.signal === 'SIGTERM',
        });
      },
    );
  });
}

/** A temporary folder filled with `files` (relative path -> content); remove it with `cleanup`. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A ConfigMap that no check has reason to flag. */
export const CLEAN_K8S = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  LOG_LEVEL: info
`;

/** Broken YAML: the flow map is never closed, so `k8s/syntax` (an error) at 4:1. */
export const BROKEN_K8S = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings
`;

/** A YAML-level warning only (`k8s/syntax`, unresolved tag at 7:6-7:13), no error. */
export const WARNING_K8S = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  a: !custom b
`;

/** Broken Compose YAML: unterminated quoted scalar, `compose/syntax` error. */
export const BROKEN_COMPOSE = `services:
  web:
    image: "nginx
`;

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
  message: string;
}

export function parseJsonReport(stdout: string): { version: number; findings: JsonFinding[] } {
  return JSON.parse(stdout) as { version: number; findings: JsonFinding[] };
}

/** An in-process CliIo that records what is written. */
export function captureIo(
  cwd: string,
  options: { tty?: boolean; env?: Record<string, string> } = {},
): CliIo & { out: string; err: string } {
  const io = {
    cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    out: '',
    err: '',
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}
