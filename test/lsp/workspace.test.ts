import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver/node';
import { serverFor, tempWorkspace, uri } from './harness';

const BROKEN_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n';
const FIXED_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n';

function syntaxLines(ds: Diagnostic[]): number[] {
  return ds.filter((d) => d.code === 'k8s/syntax').map((d) => d.range.start.line);
}

describe('workspace scan', () => {
  test('publishes diagnostics of files never opened, skips vendored folders and excluded globs', async (t) => {
    const ws = tempWorkspace({
      'deploy/pod.yaml': BROKEN_POD,
      'deploy/ok.yaml': FIXED_POD,
      'node_modules/pkg/pod.yaml': BROKEN_POD,
      '.git/pod.yaml': BROKEN_POD,
      '.terraform/modules/pod.yaml': BROKEN_POD,
      'generated/pod.yaml': BROKEN_POD,
      'notes.txt': BROKEN_POD,
    });
    t.after(ws.dispose);
    const s = await serverFor(t, {
      folders: [ws.root],
      settings: () => ({ validate: { debounceMs: 0 }, exclude: ['generated/**'] }),
    });
    const done = await s.waitForScan();
    assert.equal(done.files, 2);
    assert.deepEqual(done.folders, [uri(ws.root)]);
    const pod = s.publishes(uri(ws.path('deploy/pod.yaml')));
    assert.equal(pod.length, 1);
    assert.equal(pod[0]!.version, undefined, 'disk diagnostics carry no document version');
    assert.deepEqual(syntaxLines(pod[0]!.diagnostics), [3]);
    for (const skipped of [
      'node_modules/pkg/pod.yaml',
      '.git/pod.yaml',
      '.terraform/modules/pod.yaml',
      'generated/pod.yaml',
      'notes.txt',
    ]) {
      assert.deepEqual(s.publishes(uri(ws.path(skipped))), [], `${skipped} must not be checked`);
    }
    assert.ok(
      s.registrations.some(
        (r) =>
          r.method === 'workspace/didChangeWatchedFiles' &&
          JSON.stringify(r.registerOptions).includes('**/*.{tf,yaml,yml}'),
      ),
      'watches Terraform and YAML files',
    );
  });

  test('opening takes over from the disk version; closing hands back to it', async (t) => {
    const ws = tempWorkspace({ 'pod.yaml': BROKEN_POD });
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    await s.waitForScan();
    const u = uri(ws.path('pod.yaml'));
    assert.deepEqual(syntaxLines(s.publishes(u).at(-1)!.diagnostics), [3]);

    let from = s.mark();
    s.open(ws.path('pod.yaml'), FIXED_POD);
    const opened = await s.waitForDiagnostics(u, (p) => p.version === 1, from);
    assert.deepEqual(syntaxLines(opened.diagnostics), [], 'the editor buffer (fixed, unsaved) wins');

    from = s.mark();
    s.close(u);
    const reverted = await s.waitForDiagnostics(u, () => true, from);
    assert.equal(reverted.version, undefined);
    assert.deepEqual(syntaxLines(reverted.diagnostics), [3], 'the disk version (still broken) is back');
  });

  test('with the scan off: nothing from disk, and closing clears', async (t) => {
    const ws = tempWorkspace({ 'pod.yaml': BROKEN_POD, 'other.yaml': BROKEN_POD });
    t.after(ws.dispose);
    const s = await serverFor(t, {
      folders: [ws.root],
      settings: () => ({ validate: { debounceMs: 0 }, workspaceScan: { enabled: false } }),
    });
    const done = await s.waitForScan();
    assert.equal(done.files, 0);
    const u = s.open(ws.path('pod.yaml'), BROKEN_POD);
    await s.waitForDiagnostics(u, (p) => syntaxLines(p.diagnostics).length === 1);
    const from = s.mark();
    s.close(u);
    const cleared = await s.waitForDiagnostics(u, () => true, from);
    assert.deepEqual(cleared.diagnostics, []);
    assert.deepEqual(s.publishes(uri(ws.path('other.yaml'))), []);
  });

  test('watched files: a deleted file is cleared, a created or changed one is checked', async (t) => {
    const ws = tempWorkspace({ 'pod.yaml': BROKEN_POD });
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    await s.waitForScan();
    const u = uri(ws.path('pod.yaml'));
    assert.equal(syntaxLines(s.publishes(u).at(-1)!.diagnostics).length, 1);

    let from = s.mark();
    unlinkSync(ws.path('pod.yaml'));
    s.filesChanged([{ uri: u, type: FileChangeType.Deleted }]);
    const cleared = await s.waitForDiagnostics(u, () => true, from);
    assert.deepEqual(cleared.diagnostics, []);

    from = s.mark();
    const created = ws.write('new/svc.yaml', BROKEN_POD);
    s.filesChanged([{ uri: uri(created), type: FileChangeType.Created }]);
    const fresh = await s.waitForDiagnostics(uri(created), () => true, from);
    assert.deepEqual(syntaxLines(fresh.diagnostics), [3]);

    from = s.mark();
    ws.write('new/svc.yaml', FIXED_POD);
    s.filesChanged([{ uri: uri(created), type: FileChangeType.Changed }]);
    const changed = await s.waitForDiagnostics(uri(created), () => true, from);
    assert.deepEqual(syntaxLines(changed.diagnostics), []);
  });

  test('multi-root: each folder is scanned with its own settings; an added folder is scanned', async (t) => {
    const a = tempWorkspace({ 'pod.yaml': BROKEN_POD });
    const b = tempWorkspace({ 'pod.yaml': BROKEN_POD });
    const c = tempWorkspace({ 'pod.yaml': BROKEN_POD });
    t.after(() => [a, b, c].forEach((w) => w.dispose()));
    const s = await serverFor(t, {
      folders: [a.root, b.root],
      settings: (scope) => ({
        validate: { debounceMs: 0 },
        workspaceScan: { enabled: scope !== uri(b.root) },
      }),
    });
    const done = await s.waitForScan();
    assert.deepEqual(done.folders, [uri(a.root), uri(b.root)]);
    assert.equal(done.files, 1);
    assert.equal(s.publishes(uri(a.path('pod.yaml'))).length, 1);
    assert.deepEqual(s.publishes(uri(b.path('pod.yaml'))), [], 'scan is off for folder b');

    const from = s.mark();
    void s.conn.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uri(c.root), name: 'c' }], removed: [{ uri: uri(a.root), name: 'a' }] },
    });
    await s.waitForScan(from);
    const inC = s.publishes(uri(c.path('pod.yaml')), from);
    assert.deepEqual(syntaxLines(inC.at(-1)?.diagnostics ?? []), [3]);
    const inA = s.publishes(uri(a.path('pod.yaml')), from);
    assert.deepEqual(inA.at(-1)?.diagnostics, [], 'the removed folder loses its disk diagnostics');
  });

  test('bulwark/checkWorkspace checks every file even with the scan off', async (t) => {
    const ws = tempWorkspace({ 'pod.yaml': BROKEN_POD, 'tf/main.tf': 'variable "a" {}\n' });
    t.after(ws.dispose);
    const s = await serverFor(t, {
      folders: [ws.root],
      settings: () => ({ validate: { debounceMs: 0 }, workspaceScan: { enabled: false } }),
    });
    await s.waitForScan();
    const result = await s.conn.sendRequest<{ files: number }>('bulwark/checkWorkspace');
    assert.equal(result.files, 2);
    assert.deepEqual(syntaxLines(s.publishes(uri(ws.path('pod.yaml'))).at(-1)!.diagnostics), [3]);
  });
});
