import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { serverFor, tempWorkspace } from './harness';

const DUPLICATE_COMPOSE = 'services:\n  web:\n    image: nginx\n    image: httpd\n';

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

function editsOf(a: CodeAction, u: string): TextEdit[] {
  return a.edit?.changes?.[u] ?? [];
}

describe('code actions', () => {
  test('over the protocol: suppress with a comment (indented, reason placeholder) and open the docs', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('compose.yaml'), DUPLICATE_COMPOSE);
    const p = await s.waitForDiagnostics(u, (x) =>
      x.diagnostics.some((d) => d.code === 'compose/duplicate-key'),
    );
    const dup = p.diagnostics.find((d) => d.code === 'compose/duplicate-key')!;
    const actions = await s.codeActions(u, [dup]);

    const suppress = actions.find((a) => a.title === 'Suppress compose/duplicate-key with a comment');
    assert.ok(suppress, `actions: ${actions.map((a) => a.title)}`);
    assert.equal(suppress.kind, CodeActionKind.QuickFix);
    assert.deepEqual(suppress.diagnostics, [dup]);
    assert.equal(
      applyEdits(DUPLICATE_COMPOSE, editsOf(suppress, u)),
      'services:\n  web:\n    image: nginx\n    # bulwark-ignore compose/duplicate-key -- reason\n    image: httpd\n',
    );

    const docs = actions.find((a) => a.command?.command === 'bulwark.openRuleDocs');
    assert.deepEqual(docs?.command?.arguments, ['compose/duplicate-key']);

    const none = await s.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: dup.range,
      context: { diagnostics: [dup], only: [CodeActionKind.Refactor] },
    });
    assert.deepEqual(none, [], 'only quick fixes are offered');
  });

  test("a finding's own fixes become quick fixes carrying its diagnostic (from diagnostic.data)", () => {
    const text = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
    const doc = TextDocument.create('file:///w/compose.yaml', 'yaml', 3, text);
    const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } };
    const diagnostic = toDiagnostic({
      ruleId: 'compose/privileged',
      severity: 'error',
      message: 'privileged container',
      range,
      fixes: [
        {
          title: 'Drop privileged: true',
          edits: [
            { range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' },
          ],
        },
      ],
    });
    // Only data crosses the wire: the handler must not need anything else.
    const roundTripped = JSON.parse(JSON.stringify(diagnostic));
    const actions = codeActions(doc, {
      textDocument: { uri: doc.uri },
      range,
      context: { diagnostics: [roundTripped] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Drop privileged: true',
        'Suppress compose/privileged with a comment',
        'Open docs for compose/privileged',
      ],
    );
    const fix = actions[0]!;
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [roundTripped]);
    assert.equal(applyEdits(text, editsOf(fix, doc.uri)), 'services:\n  web:\n    image: nginx\n');
  });

  test('diagnostics of other sources get no actions', () => {
    const doc = TextDocument.create('file:///w/a.yaml', 'yaml', 1, 'a: 1\n');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const actions = codeActions(doc, {
      textDocument: { uri: doc.uri },
      range,
      context: { diagnostics: [{ range, message: 'x', source: 'yaml', code: 'k8s/syntax' }] },
    });
    assert.deepEqual(actions, []);
  });
});
