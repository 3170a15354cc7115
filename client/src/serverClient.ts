import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ScanFinishedNotification, type InitializationOptions } from '../../server/src/protocol';
import { DOCUMENT_SELECTOR } from './selector';

/**
 * The language client's lifecycle. What lives as long as one client (its notification handlers)
 * is kept apart from what lives as long as the extension (output channel, commands), so a
 * restart disposes exactly the former.
 */
export class ServerClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  private transition: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
  ) {}

  /** The client when the server is up, else undefined. */
  get running(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  start(): Promise<void> {
    return this.serialize(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.serialize(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.serialize(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  dispose(): void {
    void this.stop();
  }

  /** Start and stop never overlap: a restart clicked twice runs twice, in order. */
  private serialize(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step, step);
    return this.transition;
  }

  private async doStart(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server.js');
    // Stdio, not Node IPC: over IPC Node serialises every message itself, while over stdio the
    // server writes each publish from the JSON of the diagnostics it sent before (a keystroke in
    // a file with 2,000 findings re-sends 0.7 MB; see docs/performance.md).
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.stdio },
      debug: {
        module,
        transport: TransportKind.stdio,
        options: { execArgv: ['--nolazy', '--inspect=6009'] },
      },
    };
    const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      initializationOptions,
      // Settings are pulled by the server per resource (workspace/configuration), not pushed.
    };
    // The id makes the client honour `bulwark.trace.server`.
    const client = new LanguageClient('bulwark', 'Bulwark', serverOptions, clientOptions);
    this.clientDisposables.push(
      client.onNotification(ScanFinishedNotification.type, (p) => {
        if (!p.cancelled) this.output.appendLine(`Workspace scan finished: ${p.files} files checked.`);
      }),
    );
    this.client = client;
    try {
      await client.start();
    } catch (e) {
      this.output.appendLine(`Bulwark server failed to start: ${String(e)}`);
      void vscode.window.showErrorMessage(
        'Bulwark: the language server failed to start. See the output for details.',
      );
    }
  }

  private async doStop(): Promise<void> {
    for (const d of this.clientDisposables.splice(0)) d.dispose();
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      await client.stop(2000);
    } catch (e) {
      this.output.appendLine(`Bulwark server did not stop cleanly: ${String(e)}`);
    }
  }
}
