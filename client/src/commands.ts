import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceRequest, Commands, RefreshClusterSchemasRequest } from '../../server/src/protocol';
import { openRuleDocs } from './ruleDocs';
import type { DeployController } from './deploy/vscode/controller';
import type { ServerClient } from './serverClient';

type CommandId = (typeof Commands)[keyof typeof Commands];

interface CommandContext {
  server: ServerClient;
  extensionUri: vscode.Uri;
  deploy: DeployController;
}

/**
 * Every contributed command, in one table (the type makes it complete). A command that needs the
 * server says so; while the server is down it explains that and offers a restart instead of
 * failing with "command not found".
 */
interface CommandSpec {
  run: (ctx: CommandContext, client: LanguageClient | undefined, ...args: unknown[]) => unknown;
  needsServer?: boolean;
}

const COMMANDS: Record<CommandId, CommandSpec> = {
  [Commands.restartServer]: { run: (ctx) => ctx.server.restart() },
  [Commands.showOutput]: { run: (ctx) => ctx.server.output.show(true) },
  [Commands.openRuleDocs]: { run: (ctx, _client, ruleId) => openRuleDocs(ctx.extensionUri, ruleId) },
  [Commands.checkWorkspace]: {
    needsServer: true,
    run: (_ctx, client) =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Bulwark: checking the workspace' },
        async () => {
          const { files } = await client!.sendRequest(CheckWorkspaceRequest.type);
          void vscode.window.showInformationMessage(
            `Bulwark checked ${files} files; see the Problems panel.`,
          );
        },
      ),
  },
  [Commands.refreshClusterSchemas]: {
    needsServer: true,
    run: (_ctx, client) =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Bulwark: reading schemas from the cluster' },
        async () => {
          const { kinds } = await client!.sendRequest(RefreshClusterSchemasRequest.type);
          void vscode.window.showInformationMessage(
            kinds > 0
              ? `Bulwark read ${kinds} kinds from the cluster.`
              : 'Bulwark read no cluster schemas: turn on bulwark.kubernetes.clusterSchemas (in a trusted workspace) and check that kubectl reaches the cluster.',
          );
        },
      ),
  },
  // Deploy commands run the user's tools, not the server: they work while it is down.
  // Their argument is a target: a file or folder URI (code lens, explorer), a panel node, or
  // `{ target, environment }`; none asks for one.
  [Commands.selectEnvironment]: { run: (ctx) => ctx.deploy.selectEnvironment() },
  [Commands.plan]: { run: (ctx, _client, arg) => ctx.deploy.plan(arg) },
  [Commands.deploy]: { run: (ctx, _client, arg) => ctx.deploy.deploy(arg) },
  [Commands.rollback]: { run: (ctx, _client, arg) => ctx.deploy.rollback(arg) },
  [Commands.rolloutStatus]: { run: (ctx, _client, arg) => ctx.deploy.rolloutStatus(arg) },
  [Commands.showAuditLog]: { run: (ctx) => ctx.deploy.showAuditLog() },
  [Commands.filterAuditLog]: { run: (ctx, _client, arg) => ctx.deploy.filterAuditLog(arg) },
  [Commands.refreshDeployPanels]: { run: (ctx) => ctx.deploy.refreshPanels() },
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, spec]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      const client = ctx.server.running;
      if (spec.needsServer && !client) return serverDown(ctx);
      return spec.run(ctx, client, ...args);
    }),
  );
}

async function serverDown(ctx: CommandContext): Promise<void> {
  const restart = 'Restart server';
  const pick = await vscode.window.showWarningMessage(
    'Bulwark: the language server is not running.',
    restart,
  );
  if (pick === restart) await ctx.server.restart();
}
