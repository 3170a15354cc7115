import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DeployController } from './deploy/vscode/controller';
import { ServerClient } from './serverClient';

let server: ServerClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
