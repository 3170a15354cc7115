// A minimal LSP client over stdio, enough to drive a language server as an editor does:
// initialize, open, incremental edits, and waiting for the diagnostics of each version.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export class LspClient {
  /** `command` and `args` as for execFile: no shell. */
  constructor(command, args, { cwd, env, onLog } = {}) {
    this.proc = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.handlers = new Map();
    this.chunks = [];
    this.received = 0;
    /** Content length of the message being received; -1: its header is not in yet. */
    this.bodyLength = -1;
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (d) => onLog?.(String(d)));
    this.proc.stdin.on('error', () => {});
  }

  get pid() {
    return this.proc.pid;
  }

  /** Peak resident set size (VmHWM) of the server process, in MB; undefined once it has gone. */
  peakRssMb() {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Chunks are kept in a list until a whole message is in: a 0.7 MB publish arrives in about a
   * dozen pipe reads, and concatenating on every read would copy it a dozen times over, time
   * counted against the server under test.
   */
  onData(chunk) {
    this.chunks.push(chunk);
    this.received += chunk.length;
    for (;;) {
      if (this.bodyLength < 0) {
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        const headerEnd = head.indexOf('\r\n\r\n');
        if (headerEnd < 0) {
          this.chunks = [head];
          return;
        }
        const header = head.subarray(0, headerEnd).toString('ascii');
        const m = /Content-Length: (\d+)/i.exec(header);
        if (!m) throw new Error(`bad LSP header: ${header}`);
        this.bodyLength = Number(m[1]);
        const rest = head.subarray(headerEnd + 4);
        this.chunks = rest.length > 0 ? [rest] : [];
        this.received = rest.length;
      }
      if (this.received < this.bodyLength) return;
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      const body = all.subarray(0, this.bodyLength).toString('utf8');
      const rest = all.subarray(this.bodyLength);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.received = rest.length;
      this.bodyLength = -1;
      this.onMessage(JSON.parse(body), performance.now());
      if (this.received === 0) return;
    }
  }

  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: configuration, capability registration, progress tokens.
      const h = this.handlers.get(msg.method);
      const result = h ? h(msg.params) : null;
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    for (const w of [...this.waiters]) {
      if (w.method === msg.method && w.test(msg.params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve({ params: msg.params, at });
      }
    }
  }

  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(
      Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]),
    );
  }

  request(method, params, timeoutMs = 60_000) {
    const id = this.nextId++;
    return withTimeout(
      new Promise((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.write({ jsonrpc: '2.0', id, method, params });
      }),
      timeoutMs,
      method,
    );
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Registers the waiter before the caller sends what triggers the notification. */
  waitFor(method, test, timeoutMs) {
    let waiter;
    const p = new Promise((resolve, reject) => {
      waiter = { method, test, resolve, reject };
      this.waiters.push(waiter);
    });
    return withTimeout(p, timeoutMs, method).finally(() => {
      const i = this.waiters.indexOf(waiter);
      if (i >= 0) this.waiters.splice(i, 1);
    });
  }

  onRequest(method, handler) {
    this.handlers.set(method, handler);
  }

  async stop() {
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      // Already gone or stuck: killed below.
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
    // Waits still pending (a scan that never finished) end now: their timers (up to ten
    // minutes) would keep the benchmark's process alive after its table is out.
    for (const w of this.waiters.splice(0)) w.reject(new TimeoutError(`${w.method}: the server stopped`));
  }
}

export class TimeoutError extends Error {}

function withTimeout(p, ms, what) {
  let timer;
  return Promise.race([
    p,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** LSP position of a UTF-16 offset (the corpora have LF line ends only). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
