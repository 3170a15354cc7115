import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { PublishedFindings } from '../../server/src/lsp/publishedFindings';
import type { Finding } from '../../server/src/core/types';
import { serverFor, tempWorkspace } from './harness';

const DUPLICATE_COMPOSE = 'services:\n  web:\n    image: nginx\n    image: httpd\n';

const PRIVILEGED_COMPOSE = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
const PRIVILEGED_RANGE = { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } };
const PRIVILEGED_FINDING: Finding = {
  ruleId: 'compose/privileged',
  severity: 'error',
  message: 'privileged container',
  range: PRIVILEGED_RANGE,
  fixes: [
    {
      title: 'Drop privileged: true',
      edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' }],
    },
  ],
};

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

  test("a finding's own fixes become quick fixes carrying its diagnostic (looked up by rule id and range)", () => {
    const doc = TextDocument.create('file:///w/compose.yaml', 'yaml', 3, PRIVILEGED_COMPOSE);
    const published = new PublishedFindings();
    published.record(doc.uri, 3, PRIVILEGED_COMPOSE, [PRIVILEGED_FINDING]);
    const diagnostic = toDiagnostic(PRIVILEGED_FINDING);
    // Only the diagnostic crosses the wire, and it carries no fixes: they stay on the server.
    const roundTripped = JSON.parse(JSON.stringify(diagnostic));
    assert.equal(roundTripped.data, undefined);
    const actions = codeActions(
      doc,
      { textDocument: { uri: doc.uri }, range: PRIVILEGED_RANGE, context: { diagnostics: [roundTripped] } },
      published,
    );
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
    assert.equal(
      applyEdits(PRIVILEGED_COMPOSE, editsOf(fix, doc.uri)),
      'services:\n  web:\n    image: nginx\n',
    );
  });

  test('a stale version keeps a fix whose lines are unchanged and drops one whose lines moved or changed', () => {
    const published = new PublishedFindings();
    published.record('file:///w/compose.yaml', 3, PRIVILEGED_COMPOSE, [PRIVILEGED_FINDING]);
    const diagnostic = JSON.parse(JSON.stringify(toDiagnostic(PRIVILEGED_FINDING)));
    const titles = (text: string, version: number) =>
      codeActions(
        TextDocument.create('file:///w/compose.yaml', 'yaml', version, text),
        {
          textDocument: { uri: 'file:///w/compose.yaml' },
          range: PRIVILEGED_RANGE,
          context: { diagnostics: [diagnostic] },
        },
        published,
      ).map((a) => a.title);
    const suppressAndDocs = [
      'Suppress compose/privileged with a comment',
      'Open docs for compose/privileged',
    ];

    // An edit on another line: the fix's line is the same, so it still applies as published.
    assert.deepEqual(titles(PRIVILEGED_COMPOSE.replace('nginx', 'nginx:1.27'), 4), [
      'Drop privileged: true',
      ...suppressAndDocs,
    ]);
    // A line inserted above: the published range now points at another line; no fix.
    assert.deepEqual(
      titles(PRIVILEGED_COMPOSE.replace('  web:\n', '  web:\n    user: app\n'), 5),
      suppressAndDocs,
    );
    // The line itself edited: no fix.
    assert.deepEqual(
      titles(PRIVILEGED_COMPOSE.replace('privileged: true', 'privileged: false'), 6),
      suppressAndDocs,
    );
    // Another rule id or range than any published finding: no fix.
    const other = { ...diagnostic, code: 'compose/no-healthcheck' };
    const actions = codeActions(
      TextDocument.create('file:///w/compose.yaml', 'yaml', 3, PRIVILEGED_COMPOSE),
      {
        textDocument: { uri: 'file:///w/compose.yaml' },
        range: PRIVILEGED_RANGE,
        context: { diagnostics: [other] },
      },
      published,
    );
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Suppress compose/no-healthcheck with a comment', 'Open docs for compose/no-healthcheck'],
    );
    // Forgotten (closed, or published empty): no fix.
    published.forget('file:///w/compose.yaml');
    assert.deepEqual(titles(PRIVILEGED_COMPOSE, 3), suppressAndDocs);
  });

  test('over the protocol: a fix requested after the publish applies; after an edit that moves it, none is offered', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const text = 'services:\n  web:\n    image: nginx\n    restart: always\n    privileged: true\n';
    const u = s.open(ws.path('compose.yaml'), text, 'dockercompose');
    const p = await s.waitForDiagnostics(u, (x) =>
      x.diagnostics.some((d) => d.code === 'compose/privileged'),
    );
    const privileged = p.diagnostics.find((d) => d.code === 'compose/privileged')!;
    assert.equal(privileged.data, undefined, 'no fixes on the wire');

    const fix = (await s.codeActions(u, [privileged])).find((a) => a.title === 'Remove `privileged: true`');
    assert.ok(fix, 'the fix is looked up from the published findings');
    assert.equal(
      applyEdits(text, editsOf(fix, u)),
      'services:\n  web:\n    image: nginx\n    restart: always\n',
    );

    // The document moves on (a line above) while the client still holds the old diagnostic.
    const moved = text.replace('  web:\n', '  web:\n    user: app\n');
    const from = s.mark();
    const v2 = s.change(u, moved);
    const stale = await s.codeActions(u, [privileged]);
    assert.equal(
      stale.find((a) => a.title === 'Remove `privileged: true`'),
      undefined,
      `a stale range gets no fix: ${stale.map((a) => a.title)}`,
    );
    // Once the new version is published, its diagnostic gets the fix at the new place.
    const p2 = await s.waitForDiagnostics(u, (x) => x.version === v2, from);
    const now = p2.diagnostics.find((d) => d.code === 'compose/privileged')!;
    const fix2 = (await s.codeActions(u, [now])).find((a) => a.title === 'Remove `privileged: true`');
    assert.ok(fix2);
    assert.equal(
      applyEdits(moved, editsOf(fix2, u)),
      'services:\n  web:\n    user: app\n    image: nginx\n    restart: always\n',
    );
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
