import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverFor, tempWorkspace, uri } from './harness';

const BROKEN_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n';

/** Deterministic pseudo-random bytes (xorshift), so a failure reproduces. */
function junk(n: number, seed = 42): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

function bigManifest(bytes: number): string {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n';
  const lines: string[] = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const l = `  key${i}: "value ${i}"\n`;
    lines.push(l);
    size += l.length;
  }
  return lines.join('');
}

function deepBlock(depth: number): string {
  let s = 'apiVersion: v1\nkind: ConfigMap\n';
  for (let i = 0; i < depth; i++) s += `${' '.repeat(i)}k${i}:\n`;
  return s;
}

/** Over the server's 16 Mi-character limit for open documents. */
const HUGE = 17 * 1024 * 1024;

const NASTY: Record<string, string | Buffer> = {
  'junk.yaml': junk(64 * 1024),
  'junk.tf': junk(16 * 1024, 7),
  'big.yaml': bigManifest(HUGE),
  'invalid-utf8.yaml': Buffer.concat([
    Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: '),
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]),
    Buffer.from('\n'),
  ]),
  'dashes.yaml': '---\n'.repeat(5000),
  'deep-flow.yaml': 'apiVersion: v1\nkind: Pod\nspec: ' + '['.repeat(20000) + '\n',
  'deep-block.yaml': deepBlock(800),
  'anchors.yaml':
    'apiVersion: v1\nkind: List\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n',
  'broken.tf': 'resource "a" "b" {\n  x = [1, 2\n  y = {{{\n',
  'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BROKEN_POD, 'utf16le')]),
  'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BROKEN_POD)]),
};

describe('robustness', () => {
  test('the scan survives binary, huge, mis-encoded, empty-document and deeply nested files', async (t) => {
    const ws = tempWorkspace(NASTY);
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const done = await s.waitForScan();
    assert.ok(s.alive);
    for (const skipped of ['junk.yaml', 'junk.tf', 'big.yaml']) {
      assert.deepEqual(s.publishes(uri(ws.path(skipped))), [], `${skipped} is skipped by the scan`);
    }
    // Decoded the way an editor would: the BOM does not shift columns, UTF-16 is read as text.
    for (const name of ['utf16.yaml', 'bom.yaml']) {
      const p = s.publishes(uri(ws.path(name))).at(-1);
      const syntax = p?.diagnostics.filter((d) => d.code === 'k8s/syntax').map((d) => d.range.start);
      assert.deepEqual(syntax, [{ line: 3, character: 0 }], name);
    }
    assert.ok(done.files >= 7, `checked ${done.files} files`);
    const answer = await s.codeActions(uri(ws.path('bom.yaml')), []);
    assert.deepEqual(answer, []);
  });

  test('open documents with hostile content are answered, and the server stays responsive', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    await s.waitForScan();
    const texts: Record<string, string> = {
      'nul.yaml': 'apiVersion: v1\nkind: Pod\n\u0000\u0001\u0002',
      'surrogates.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: "\ud800\udfff\udc00"}\n',
      'big.yaml': bigManifest(HUGE),
      'dashes.yaml': '---\n'.repeat(5000),
      'deep-flow.yaml': 'apiVersion: v1\nkind: Pod\nspec: ' + '{a: '.repeat(20000) + '\n',
      'deep-block.yaml': deepBlock(800),
      'compose.yaml': 'services:\n' + '  - '.repeat(3000) + '\n',
      'main.tf': '{'.repeat(20000) + '\n' + 'resource "x" {\n'.repeat(2000),
    };
    const uris = Object.entries(texts).map(([name, text]) => s.open(ws.path(name), text));
    for (const u of uris) await s.waitForDiagnostics(u, (p) => p.version === 1);
    const big = s.publishes(uri(ws.path('big.yaml'))).at(-1)!;
    assert.deepEqual(
      big.diagnostics.map((d) => d.code),
      ['k8s/file-too-large'],
      'a huge open document gets one note instead of a multi-second parse',
    );
    const t0 = Date.now();
    const answer = await s.codeActions(uris[0]!, []);
    assert.deepEqual(answer, []);
    assert.ok(Date.now() - t0 < 5000, 'answers promptly once the checks are done');
    assert.ok(s.alive, 'still running');
    const internal = s.events.filter((e) => e.kind === 'log' && /uncaught|unhandled/.test(e.message));
    assert.deepEqual(internal, [], 'no error escaped the per-file guard');
  });
});
