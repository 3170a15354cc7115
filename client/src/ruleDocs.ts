import * as vscode from 'vscode';
import { ruleDocsUrl } from '../../server/src/protocol';

const RULE_ID = /^(?:k8s|compose|tf)\/[a-z0-9][a-z0-9-]*$/;

/**
 * Shows a rule's documentation: the page shipped with the extension (docs/rules/<id>.md) when
 * there is one, else the page on the web. Without an id (command palette) it asks for one.
 */
export async function openRuleDocs(extensionUri: vscode.Uri, ruleId: unknown): Promise<void> {
  const id =
    typeof ruleId === 'string'
      ? ruleId
      : await vscode.window.showInputBox({
          prompt: 'Bulwark rule id',
          placeHolder: 'k8s/privileged-container',
        });
  if (!id) return;
  if (!RULE_ID.test(id)) {
    void vscode.window.showWarningMessage(`Bulwark: "${id}" is not a rule id.`);
    return;
  }
  const local = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(local);
    await vscode.commands.executeCommand('markdown.showPreview', local);
  } catch {
    await vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(id)));
  }
}
