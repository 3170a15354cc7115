/**
 * Runs the user's real tools (terraform, kubectl, docker) with argument arrays, never a shell
 * string. Output is streamed line by line to a sink after redaction; cancellation and timeouts
 * stop the whole process group (terraform and compose start children of their own).
 */
import { spawn } from 'node:child_process';
import { Redactor } from './redact';

export type Stream = 'stdout' | 'stderr';
export type OutputSink = (stream: Stream, line: string) => void;

export interface RunSpec {
  command: string;
  args: readonly string[];
  cwd?: string;
  /** Added to (and overriding) the inherited environment. */
  env?: Record<string, string | undefined>;
  /** Do not inherit process.env (tests that need a clean environment). */
  replaceEnv?: boolean;
  input?: string;
  sink?: OutputSink;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping the group. */
  killGraceMs?: number;
}

export interface RunResult {
  /** Exit code; null when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Raw output, for parsing by the caller; never shown to the user without redaction. */
  stdout: string;
  stderr: string;
  durationMs: number;
  cancelled: boolean;
  timedOut: boolean;
}

export interface Runner {
  run(spec: RunSpec): Promise<RunResult>;
}

export class ToolNotFoundError extends Error {
  constructor(readonly command: string) {
    super(`${command} was not found on PATH; install it or set its path in the settings`);
    this.name = 'ToolNotFoundError';
  }
}

/** Splits a chunked stream into lines; keeps the unfinished tail for the next chunk. */
class LineSplitter {
  private tail = '';
  constructor(private readonly emit: (line: string) => void) {}
  push(chunk: string): void {
    const parts = (this.tail + chunk).split(/\r?\n/);
    this.tail = parts.pop() ?? '';
    for (const p of parts) this.emit(p);
  }
  end(): void {
    if (this.tail.length > 0) this.emit(this.tail);
    this.tail = '';
  }
}

export class ProcessRunner implements Runner {
  constructor(private readonly redactor: Redactor = new Redactor()) {}

  run(spec: RunSpec): Promise<RunResult> {
    const started = Date.now();
    const grace = spec.killGraceMs ?? 3000;
    return new Promise<RunResult>((resolve, reject) => {
      if (spec.signal?.aborted) {
        resolve({
          code: null,
          signal: null,
          stdout: '',
          stderr: '',
          durationMs: 0,
          cancelled: true,
          timedOut: false,
        });
        return;
      }
      const env: NodeJS.ProcessEnv = spec.replaceEnv ? {} : { ...process.env };
      for (const [k, v] of Object.entries(spec.env ?? {})) {
        if (v === undefined) delete env[k];
        else env[k] = v;
      }
      // detached: the child leads its own process group, so the group can be stopped as a whole.
      const child = spawn(spec.command, [...spec.args], {
        cwd: spec.cwd,
        env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false,
      });
      let stdout = '';
      let stderr = '';
      let cancelled = false;
      let timedOut = false;
      let killTimer: NodeJS.Timeout | undefined;
      let exited = false;
      const sink = spec.sink;
      const out = new LineSplitter((l) => sink?.('stdout', this.redactor.redact(l)));
      const err = new LineSplitter((l) => sink?.('stderr', this.redactor.redact(l)));
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        stdout += c;
        out.push(c);
      });
      child.stderr.setEncoding('utf8').on('data', (c: string) => {
        stderr += c;
        err.push(c);
      });

      const stopGroup = (): void => {
        if (exited || child.pid === undefined) return;
        signalGroup(child.pid, 'SIGTERM');
        killTimer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), grace);
        killTimer.unref();
      };
      const onAbort = (): void => {
        cancelled = true;
        stopGroup();
      };
      spec.signal?.addEventListener('abort', onAbort, { once: true });
      const timeout =
        spec.timeoutMs !== undefined
          ? setTimeout(() => {
              timedOut = true;
              stopGroup();
            }, spec.timeoutMs)
          : undefined;

      child.on('error', (e: NodeJS.ErrnoException) => {
        cleanup();
        reject(e.code === 'ENOENT' ? new ToolNotFoundError(spec.command) : e);
      });
      child.on('close', (code, signal) => {
        exited = true;
        cleanup();
        out.end();
        err.end();
        // Members of the group may outlive the leader (a provisioner's sleep); end them too.
        if (cancelled || timedOut) signalGroup(child.pid!, 'SIGKILL');
        resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started, cancelled, timedOut });
      });
      function cleanup(): void {
        if (timeout) clearTimeout(timeout);
        if (killTimer) clearTimeout(killTimer);
        spec.signal?.removeEventListener('abort', onAbort);
      }
      child.stdin.on('error', () => undefined);
      if (spec.input !== undefined) child.stdin.end(spec.input);
      else child.stdin.end();
    });
  }
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // The group is already gone.
  }
}

/**
 * The environment every terraform run gets: no checkpoint calls, no prompts, no "next steps"
 * hints. The user's CLI config (credentials for remote backends) is left alone.
 */
export const TERRAFORM_ENV: Record<string, string> = {
  CHECKPOINT_DISABLE: '1',
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0',
};
