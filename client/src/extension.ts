import * as vscode from 'vscode';
import { registerCommands } from './commands';
import type { PanelNode } from './deploy/panels/nodes';
import { DeployController } from './deploy/vscode/controller';
import type { ViewName } from './deploy/vscode/panels';
import { ServerClient } from './serverClient';

let server: ServerClient | undefined;

/** What `activate` returns (`vscode.extensions.getExtension('bulwark.bulwark').exports`). */
export interface BulwarkApi {
  /** The tree a Bulwark side panel shows now, as plain nodes (the end-to-end tests read it). */
  panelNodes(view: ViewName): PanelNode[];
}

export async function activate(context: vscode.ExtensionContext): Promise<BulwarkApi> {
  const output = vscode.window.createOutputChannel('Bulwark');
  server = new ServerClient(context, output);
  const deploy = new DeployController(context);
  const bulwarkYaml = vscode.workspace.createFileSystemWatcher('**/.bulwark.yaml');
  context.subscriptions.push(
    output,
    server,
    deploy,
    bulwarkYaml,
    bulwarkYaml.onDidChange(() => deploy.refreshStatus()),
    bulwarkYaml.onDidCreate(() => deploy.refreshStatus()),
    ...registerCommands({ server, extensionUri: context.extensionUri, deploy }),
    // Tools the server may run (terraform for provider schemas) are allowed only once trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void server?.restart()),
  );
  const api: BulwarkApi = { panelNodes: (view) => deploy.panels.nodes(view) };
  await server.start();
  return api;
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
