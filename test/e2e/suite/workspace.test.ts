// Extension-host tests in the fixture workspace (test/e2e/workspace, copied per run): activation,
// diagnostics per file type, live edits, quick fixes and suppression, workspace trust.
// Assertions name the findings each fixture must have, so new rules do not break them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  bulwark,
  findings,
  metrics,
  open,
  ruleId,
  setText,
  SOURCE,
  waitFor,
  waitForFindings,
  waitForRules,
  withRule,
} from './helpers';

interface Expected {
  file: string;
  rules: string[];
  /** Where one of them must start (0-based, as VS Code counts). */
  at?: { rule: string; line: number; character: number };
}

const EXPECTED: Expected[] = [
  {
    file: 'k8s/deployment.yaml',
    rules: ['k8s/schema-unknown-field'],
    at: { rule: 'k8s/schema-unknown-field', line: 17, character: 10 },
  },
  { file: 'k8s/broken.yaml', rules: ['k8s/syntax'], at: { rule: 'k8s/syntax', line: 5, character: 12 } },
  {
    file: 'compose/compose.yaml',
    rules: ['compose/schema-unknown-field', 'compose/privileged'],
    at: { rule: 'compose/privileged', line: 5, character: 4 },
  },
  {
    file: 'terraform/main.tf',
    rules: ['tf/undeclared-reference'],
    at: { rule: 'tf/undeclared-reference', line: 6, character: 17 },
  },
];

/** Files with no finding, each with a way to break its syntax. */
const CLEAN = [
  { file: 'clean/k8s/settings.yaml', breakWith: 'broken: "unterminated\n', syntaxRule: 'k8s/syntax' },
  { file: 'clean/compose/compose.yaml', breakWith: 'broken: "unterminated\n', syntaxRule: 'compose/syntax' },
  { file: 'clean/terraform/main.tf', breakWith: 'resource "x" {\n', syntaxRule: 'tf/syntax' },
];

function anyFindingUri(): vscode.Uri | undefined {
  return vscode.languages.getDiagnostics().find(([, ds]) => ds.some((d) => d.source === SOURCE))?.[0];
}

/** Declares the suite; call after mocha's pre-require (see mochaRunner.ts). */
export function registerWorkspaceTests(): void {
  describe('activation', () => {
    it('activates and publishes its first diagnostics', async () => {
      const ext = bulwark();
      const started = Date.now();
      await ext.activate();
      metrics.activateCallMs = Date.now() - started;
      assert.equal(ext.isActive, true);
      // The workspace scan publishes findings for files on disk without opening any editor.
      await waitFor(
        'a first bulwark diagnostic',
        vscode.languages.onDidChangeDiagnostics,
        anyFindingUri,
        () => 'none yet',
      );
      metrics.extensionHostStartToFirstDiagnosticMs = Math.round(process.uptime() * 1000);
    });

    for (const e of EXPECTED) {
      it(`reports ${e.rules.join(', ')} in ${e.file}`, async () => {
        const started = Date.now();
        const editor = await open(e.file);
        const ds = await waitForRules(editor.document.uri, e.rules);
        metrics[`openToDiagnostics:${e.file}`] = Date.now() - started;
        for (const d of ds) assert.equal(d.source, SOURCE);
        if (e.at) {
          const d = withRule(ds, e.at.rule);
          assert.ok(d);
          assert.deepEqual(
            { line: d.range.start.line, character: d.range.start.character },
            { line: e.at.line, character: e.at.character },
            `${e.at.rule} range in ${e.file}`,
          );
        }
        assert.equal(bulwark().isActive, true);
      });
    }
  });

  describe('edits update diagnostics', () => {
    after(() => vscode.commands.executeCommand('workbench.action.files.revert'));

    it('clears a syntax error once it is fixed and reports it again when it comes back', async () => {
      const editor = await open('k8s/broken.yaml');
      const doc = editor.document;
      const original = doc.getText();
      await waitForRules(doc.uri, ['k8s/syntax']);
      await setText(doc, original.replace('"hello\n', '"hello"\n'));
      await waitForFindings(doc.uri, 'k8s/syntax to clear', (ds) => !withRule(ds, 'k8s/syntax'));
      await setText(doc, original);
      await waitForRules(doc.uri, ['k8s/syntax']);
    });

    for (const c of CLEAN) {
      it(`has no finding in ${c.file}, and reports a syntax error typed into it`, async () => {
        const editor = await open(c.file);
        const doc = editor.document;
        const original = doc.getText();
        await setText(doc, `${original}${c.breakWith}`);
        await waitForRules(doc.uri, [c.syntaxRule]);
        await setText(doc, original);
        // Reaching empty after a finding proves the clean text itself was analysed.
        await waitForFindings(doc.uri, 'no findings', (ds) => ds.length === 0);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      });
    }
  });

  async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
    const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
    );
    return (all ?? []).filter(
      (a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'),
    );
  }

  async function applyAction(action: vscode.CodeAction): Promise<void> {
    assert.ok(action.edit, `${action.title} carries an edit`);
    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    if (action.command)
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }

  describe('code actions', () => {
    before(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('offers a suppression comment that silences the finding', async () => {
      const editor = await open('compose/compose.yaml');
      const uri = editor.document.uri;
      const ds = await waitForRules(uri, ['compose/privileged']);
      const target = withRule(ds, 'compose/privileged');
      assert.ok(target);
      const actions = await codeActions(uri, target.range);
      const titles = actions.map((a) => a.title);
      const suppress = actions.find(
        (a) => /suppress/i.test(a.title) && a.title.includes('compose/privileged'),
      );
      assert.ok(suppress, `a suppress action among: ${titles.join(' | ')}`);
      assert.equal(suppress.kind?.value, vscode.CodeActionKind.QuickFix.value);
      await applyAction(suppress);
      assert.match(editor.document.getText(), /# bulwark-ignore compose\/privileged\b/);
      await waitForFindings(
        uri,
        'compose/privileged to be suppressed',
        (found) => !withRule(found, 'compose/privileged'),
      );
      // The other finding of the file stays.
      assert.ok(withRule(findings(uri), 'compose/schema-unknown-field'));
    });

    it('applies a quick fix that clears the finding', async () => {
      const editor = await open('k8s/deployment.yaml');
      const uri = editor.document.uri;
      const ds = await waitForRules(uri, ['k8s/schema-unknown-field']);
      const target = withRule(ds, 'k8s/schema-unknown-field');
      assert.ok(target);
      const actions = await codeActions(uri, target.range);
      const fix = actions.find((a) => a.edit && !/suppress/i.test(a.title));
      assert.ok(fix, `a fix among: ${actions.map((a) => a.title).join(' | ')}`);
      await applyAction(fix);
      assert.match(editor.document.lineAt(target.range.start.line).text, /imagePullPolicy:/);
      await waitForFindings(
        uri,
        'the unknown field to clear',
        (found) => !withRule(found, 'k8s/schema-unknown-field'),
      );
    });

    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  });

  describe('workspace trust', () => {
    it('declares what an untrusted workspace may do', () => {
      const manifest = bulwark().packageJSON as {
        capabilities?: { untrustedWorkspaces?: { supported?: boolean | string; description?: string } };
      };
      const untrusted = manifest.capabilities?.untrustedWorkspaces;
      assert.ok(untrusted, 'package.json capabilities.untrustedWorkspaces');
      // Checking files is safe without trust; running terraform/kubectl/docker is not.
      assert.equal(untrusted.supported, 'limited');
      assert.ok(untrusted.description && untrusted.description.length > 0);
    });

    it(`validates whatever vscode.workspace.isTrusted says (here: ${String(vscode.workspace.isTrusted)})`, async () => {
      assert.equal(typeof vscode.workspace.isTrusted, 'boolean');
      const editor = await open('terraform/main.tf');
      const ds = await waitForRules(editor.document.uri, ['tf/undeclared-reference']);
      assert.ok(ds.every((d) => ruleId(d)?.startsWith('tf/')));
    });
  });
}
