import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { RULE_DOCS_BASE } from '../../server/src/protocol';
import { serverFor, tempWorkspace } from './harness';

const BROKEN_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n';
const FIXED_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n';
/** Only the YAML syntax findings: rule findings come and go as the rule set grows. */
function syntax(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.code === 'k8s/syntax');
}

const DUPLICATE_COMPOSE = 'services:\n  web:\n    image: nginx\n    image: httpd\n';

describe('diagnostics of open documents', () => {
  test('arrive with source, code, docs link, exact range and version; an edit clears them', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('pod.yaml'), BROKEN_POD);
    const first = await s.waitForDiagnostics(u, (p) => p.diagnostics.length > 0);
    assert.equal(first.version, 1);
    assert.deepEqual(
      syntax(first.diagnostics).map((d) => ({
        source: d.source,
        code: d.code,
        href: d.codeDescription?.href,
        severity: d.severity,
        range: d.range,
      })),
      [
        {
          source: 'bulwark',
          code: 'k8s/syntax',
          href: `${RULE_DOCS_BASE}/k8s/syntax.md`,
          severity: 1,
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        },
      ],
    );

    const from = s.mark();
    const v2 = s.change(u, FIXED_POD);
    const fixed = await s.waitForDiagnostics(u, (p) => p.version === v2, from);
    assert.deepEqual(syntax(fixed.diagnostics), []);
  });

  test('a Compose duplicate key points at the second key', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('compose.yaml'), DUPLICATE_COMPOSE, 'dockercompose');
    const p = await s.waitForDiagnostics(u, (x) => x.diagnostics.length > 0);
    assert.deepEqual(
      p.diagnostics
        .filter((d) => d.code === 'compose/duplicate-key')
        .map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['compose/duplicate-key', 1, 3, 4, 5]],
    );
  });

  test('a burst of edits: versions only go up and the last one wins', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('pod.yaml'), FIXED_POD);
    await s.waitForDiagnostics(u, (p) => p.version === 1);
    let last = 1;
    for (let i = 0; i < 30; i++) last = s.change(u, i % 2 === 0 ? BROKEN_POD : FIXED_POD);
    // 30 edits alternating broken / fixed: the last one leaves the fixed text.
    const final = await s.waitForDiagnostics(u, (p) => p.version === last);
    assert.deepEqual(syntax(final.diagnostics), []);
    // A later request is answered only after every notification sent before it was handled.
    await s.codeActions(u, []);
    const versions = s.publishes(u).map((p) => p.version ?? -1);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published versions not increasing: ${versions}`,
    );
    assert.equal(versions.at(-1), last);
  });

  test('an edit that lands while a check waits for settings drops that check', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('pod.yaml'), BROKEN_POD);
    await s.waitForDiagnostics(u, (p) => p.version === 1 && syntax(p.diagnostics).length === 1);
    let v2 = 0;
    s.beforeConfigurationReply = (params) => {
      // The server is checking version 1 again (settings changed); the user types meanwhile.
      if (v2 === 0 && params.items.some((i) => i.scopeUri === u)) v2 = s.change(u, FIXED_POD);
    };
    const from = s.mark();
    s.setSettings(() => ({ validate: { debounceMs: 0 } }));
    const latest = await s.waitForDiagnostics(u, (p) => p.version === 2, from);
    assert.equal(v2, 2, 'the configuration request came while version 1 was being checked');
    assert.deepEqual(syntax(latest.diagnostics), []);
    await s.codeActions(u, []);
    assert.deepEqual(
      s.publishes(u, from).map((p) => p.version),
      [2],
      'the check of version 1 must not publish once version 2 exists',
    );
  });

  test('bulwark.enable false clears the diagnostics; true brings them back', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('pod.yaml'), BROKEN_POD);
    await s.waitForDiagnostics(u, (p) => syntax(p.diagnostics).length === 1);
    let from = s.mark();
    s.setSettings(() => ({ enable: false, validate: { debounceMs: 0 } }));
    await s.waitForDiagnostics(u, (p) => p.diagnostics.length === 0, from);
    from = s.mark();
    s.setSettings(() => ({ enable: true, validate: { debounceMs: 0 } }));
    await s.waitForDiagnostics(u, (p) => syntax(p.diagnostics).length === 1, from);
  });

  test('bulwark.rules: editor settings turn a rule off or change its severity, over .bulwark.yaml', async (t) => {
    const ws = tempWorkspace({ '.bulwark.yaml': 'rules:\n  compose/privileged: info\n' });
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const text = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
    const u = s.open(ws.path('compose.yaml'), text, 'dockercompose');
    const privileged = (p: { diagnostics: Diagnostic[] }) =>
      p.diagnostics.filter((d) => d.code === 'compose/privileged').map((d) => d.severity);
    await s.waitForDiagnostics(u, (p) => privileged(p).join() === '3');
    let from = s.mark();
    s.setSettings(() => ({ validate: { debounceMs: 0 }, rules: { 'compose/privileged': 'error' } }));
    await s.waitForDiagnostics(u, (p) => privileged(p).join() === '1', from);
    from = s.mark();
    s.setSettings(() => ({ validate: { debounceMs: 0 }, rules: { 'compose/privileged': 'off' } }));
    const off = await s.waitForDiagnostics(u, (p) => privileged(p).length === 0, from);
    assert.ok(off.diagnostics.length > 0, 'other findings stay');
  });

  test('debounce: edits inside the window produce a single check of the last version', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root], settings: () => ({ validate: { debounceMs: 300 } }) });
    const u = s.open(ws.path('pod.yaml'), FIXED_POD);
    await s.waitForDiagnostics(u, (p) => p.version === 1);
    const from = s.mark();
    let last = 1;
    for (let i = 0; i < 5; i++) last = s.change(u, i % 2 === 0 ? BROKEN_POD : FIXED_POD);
    const p = await s.waitForDiagnostics(u, () => true, from);
    assert.equal(p.version, last);
    assert.equal(syntax(p.diagnostics).length, 1, 'the last edit (broken) was checked');
  });

  test('Terraform: editing one file of a module re-checks its open siblings', async (t) => {
    const ws = tempWorkspace({
      'mod/main.tf': 'variable "a" {}\n',
      'mod/other.tf': 'output "b" { value = var.a }\n',
    });
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const main = s.open(ws.path('mod/main.tf'), 'variable "a" {}\n');
    const other = s.open(ws.path('mod/other.tf'), 'output "b" { value = var.a }\n');
    await s.waitForDiagnostics(main);
    await s.waitForDiagnostics(other);
    const from = s.mark();
    s.change(main, 'variable "renamed" {}\n');
    const again = await s.waitForDiagnostics(other, () => true, from);
    assert.equal(again.version, 1, 'the sibling is re-checked at its own, unchanged version');
    assert.deepEqual(
      again.diagnostics.filter((d) => d.code === 'tf/undeclared-reference').map((d) => d.range.start),
      [{ line: 0, character: 21 }],
      'the sibling now refers to a variable that no longer exists',
    );
  });

  test('Terraform provider schemas: loaded in the background from the real terraform, then re-checked', async (t) => {
    const ws = tempWorkspace({ 'mod/main.tf': 'resource "terraform_data" "x" {\n  inpt = 1\n}\n' });
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const main = s.open(ws.path('mod/main.tf'), 'resource "terraform_data" "x" {\n  inpt = 1\n}\n');
    const p = await s.waitForDiagnostics(main, (x) =>
      x.diagnostics.some((d) => d.code === 'tf/unknown-attribute'),
    );
    const d = p.diagnostics.find((x) => x.code === 'tf/unknown-attribute');
    assert.match(d?.message ?? '', /input/);
    assert.deepEqual(d?.range.start, { line: 1, character: 2 });
  });
});
