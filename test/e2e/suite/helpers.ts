// What the extension-host tests share: finding the extension, opening fixture files, and waiting
// on VS Code events (diagnostics, document changes) with a bound, never a fixed sleep.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bulwark.bulwark';
export const SOURCE = 'bulwark';
/** Generous: two cores, shared with other test runs. */
export const WAIT_MS = 60_000;

/** Numbers the runner prints at the end (milliseconds). */
export const metrics: Record<string, number> = {};

export function bulwark(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function ruleId(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

export function findings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeFindings(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'no diagnostics';
  return all
    .map(
      (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source}/${ruleId(d)} ${d.message}`,
    )
    .join('\n  ');
}

/**
 * Resolves with `probe()`'s first non-undefined value, checked now and after every `event`;
 * rejects after `ms` with `what` and `detail()` in the message.
 */
export function waitFor<T>(
  what: string,
  event: vscode.Event<unknown>,
  probe: () => T | undefined,
  detail: () => string = () => '',
  ms = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = probe();
    if (first !== undefined) {
      resolve(first);
      return;
    }
    const sub = event(() => {
      const value = probe();
      if (value === undefined) return;
      finish();
      resolve(value);
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; ${detail()}`));
    }, ms);
    function finish() {
      clearTimeout(timer);
      sub.dispose();
    }
  });
}

/** Waits until the bulwark findings of `uri` satisfy `accept`, and returns them. */
export function waitForFindings(
  uri: vscode.Uri,
  what: string,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} in ${vscode.workspace.asRelativePath(uri)}`,
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = findings(uri);
      return accept(ds) ? ds : undefined;
    },
    () => `now: ${describeFindings(uri)}`,
    ms,
  );
}

export function withRule(ds: vscode.Diagnostic[], id: string): vscode.Diagnostic | undefined {
  return ds.find((d) => ruleId(d) === id);
}

/** Waits until every rule id in `ids` is among the findings of `uri`. */
export function waitForRules(uri: vscode.Uri, ids: string[], ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitForFindings(uri, `findings ${ids.join(', ')}`, (ds) => ids.every((id) => withRule(ds, id)), ms);
}

/** Replaces the whole text of an open document (unsaved, like typing). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`edit of ${doc.uri.toString()} was refused`);
}
