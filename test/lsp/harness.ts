/**
 * A minimal LSP client for protocol-level tests: starts `node dist/server.js --stdio`, answers
 * the server's requests (configuration, registrations), records every notification and lets a
 * test wait for one (bounded, never a fixed sleep).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type ConfigurationParams,
  type Diagnostic,
  type FileEvent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver/node';
import { ROOT } from '../helpers/analyzer';
import type { BulwarkSettings, ScanFinishedParams } from '../../server/src/protocol';

export const SERVER = join(ROOT, 'dist', 'server.js');
const WAIT_MS = 15_000;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type TestSettings = DeepPartial<BulwarkSettings>;

export interface StartOptions {
  folders?: string[];
  /** Answer to `workspace/configuration` per scope URI (default: debounce 0, everything else default). */
  settings?: (scopeUri: string | undefined) => TestSettings;
  /** Workspace trust as the client reports it (default: absent, i.e. trusted). */
  trusted?: boolean;
  /** Extra environment for the server process (e.g. KUBECONFIG), over the test's own. */
  env?: Record<string, string>;
}

export type Event =
  | { kind: 'diagnostics'; params: PublishDiagnosticsParams }
  | { kind: 'scanFinished'; params: ScanFinishedParams }
  | { kind: 'ready' }
  | { kind: 'log'; type: number; message: string };

export class TestServer {
  readonly events: Event[] = [];
  readonly registrations: Registration[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  private exited: string | undefined;
  stderr = '';
  /** Runs before the configuration answer is sent (lets a test interleave an edit). */
  beforeConfigurationReply: ((params: ConfigurationParams) => void) | undefined;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
    private settings: (scopeUri: string | undefined) => TestSettings,
  ) {}

  static async start(opts: StartOptions = {}): Promise<TestServer> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
    });
    const conn = createProtocolConnection(
      new StreamMessageReader(proc.stdout!),
      new StreamMessageWriter(proc.stdin!),
    );
    const s = new TestServer(proc, conn, opts.settings ?? (() => ({ validate: { debounceMs: 0 } })));
    s.wire();
    conn.listen();
    try {
      await s.initialize(opts);
    } catch (e) {
      proc.kill('SIGKILL');
      conn.dispose();
      throw e;
    }
    return s;
  }

  private async initialize(opts: StartOptions): Promise<void> {
    const conn = this.conn;
    const folders = (opts.folders ?? []).map((f, i) => ({ uri: uri(f), name: `folder${i}` }));
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      initializationOptions: { settings: this.settings(undefined), trusted: opts.trusted },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { dataSupport: true },
        },
      },
    });
    await conn.sendNotification('initialized', {});
    await this.waitFor('ready', () => this.events.some((e) => e.kind === 'ready') || undefined);
  }

  private wire(): void {
    const push = (e: Event) => {
      this.events.push(e);
      for (const l of [...this.listeners]) l();
    };
    this.conn.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
      push({ kind: 'diagnostics', params }),
    );
    this.conn.onNotification('bulwark/scanFinished', (params: ScanFinishedParams) =>
      push({ kind: 'scanFinished', params }),
    );
    this.conn.onNotification('bulwark/ready', () => push({ kind: 'ready' }));
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) =>
      push({ kind: 'log', type: p.type, message: p.message }),
    );
    this.conn.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.beforeConfigurationReply?.(params);
      return params.items.map((i) => this.settings(i.scopeUri));
    });
    this.conn.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.on('exit', (code, signal) => {
      this.exited = `server exited (code ${code}, signal ${signal})`;
      for (const l of [...this.listeners]) l();
    });
  }

  /** Resolves with the first non-undefined value of `check`, re-evaluated after every event. */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = WAIT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const finish = (f: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        f();
      };
      const listener = () => {
        let v: T | undefined;
        try {
          v = check();
        } catch (e) {
          return finish(() => reject(e));
        }
        if (v !== undefined) return finish(() => resolve(v));
        if (this.exited)
          finish(() => reject(new Error(`${this.exited} while waiting for ${what}\n${this.stderr}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out waiting for ${what}; events: ${this.describe()}`))),
        timeoutMs,
      );
      this.listeners.add(listener);
      listener();
    });
  }

  /** Index of the next event; pass it to the wait helpers to only look at what comes after. */
  mark(): number {
    return this.events.length;
  }

  publishes(fileUri: string, from = 0): PublishDiagnosticsParams[] {
    const out: PublishDiagnosticsParams[] = [];
    for (const e of this.events.slice(from))
      if (e.kind === 'diagnostics' && e.params.uri === fileUri) out.push(e.params);
    return out;
  }

  /** The first publish for a URI after `from` that satisfies `pred`. */
  waitForDiagnostics(
    fileUri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    from = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${fileUri}`, () => this.publishes(fileUri, from).find(pred));
  }

  waitForScan(from = 0): Promise<ScanFinishedParams> {
    return this.waitFor('bulwark/scanFinished', () => {
      for (const e of this.events.slice(from))
        if (e.kind === 'scanFinished' && !e.params.cancelled) return e.params;
      return undefined;
    });
  }

  open(path: string, text: string, languageId = path.endsWith('.tf') ? 'terraform' : 'yaml'): string {
    const u = uri(path);
    this.versions.set(u, 1);
    void this.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: u, languageId, version: 1, text },
    });
    return u;
  }

  /** Replaces the whole text; returns the new version. */
  change(fileUri: string, text: string): number {
    const version = (this.versions.get(fileUri) ?? 1) + 1;
    this.versions.set(fileUri, version);
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: fileUri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  close(fileUri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: fileUri } });
  }

  filesChanged(changes: FileEvent[]): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  setSettings(settings: (scopeUri: string | undefined) => TestSettings): void {
    this.settings = settings;
    void this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  codeActions(fileUri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    };
    return this.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: fileUri },
      range,
      context: { diagnostics },
    });
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  /** Polite shutdown, then a kill if the server does not go within a second. */
  async stop(): Promise<void> {
    if (!this.exited) {
      const gone = new Promise<void>((r) => this.proc.once('exit', () => r()));
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 1000);
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), gone]);
        void this.conn.sendNotification('exit');
      } catch {
        this.proc.kill('SIGKILL');
      }
      await gone;
      clearTimeout(timer);
    }
    this.conn.dispose();
  }

  private describe(): string {
    return JSON.stringify(
      this.events
        .slice(-10)
        .map((e) =>
          e.kind === 'diagnostics'
            ? { uri: e.params.uri, version: e.params.version, codes: e.params.diagnostics.map((d) => d.code) }
            : e,
        ),
    );
  }
}

export function uri(path: string): string {
  return pathToFileURL(path).href;
}

/** A temporary workspace folder with the given files (relative path -> content). */
export function tempWorkspace(files: Record<string, string | Buffer> = {}): {
  root: string;
  path: (rel: string) => string;
  write: (rel: string, content: string | Buffer) => string;
  dispose: () => void;
} {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'bulwark-lsp-')));
  const write = (rel: string, content: string | Buffer) => {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  return {
    root,
    path: (rel) => join(root, rel),
    write,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Starts a server for a test and registers its cleanup (also on failure). */
export async function serverFor(
  t: { after: (fn: () => Promise<void> | void) => void },
  opts: StartOptions,
): Promise<TestServer> {
  const s = await TestServer.start(opts);
  t.after(() => s.stop());
  return s;
}
