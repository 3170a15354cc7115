import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sharedAnalyzer } from '../helpers/analyzer';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { serverFor, tempWorkspace, type TestServer } from './harness';

/** Every message the server wrote to stdout, as sent: Content-Length and the body's exact text. */
function tapFrames(s: TestServer): { length: number; body: string }[] {
  const frames: { length: number; body: string }[] = [];
  let buf = Buffer.alloc(0);
  s.proc.stdout!.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
      assert.ok(m, 'every frame has a Content-Length');
      const length = Number(m[1]);
      if (buf.length < end + 4 + length) return;
      frames.push({ length, body: buf.subarray(end + 4, end + 4 + length).toString('utf8') });
      buf = buf.subarray(end + 4 + length);
    }
  });
  return frames;
}

function buckets(names: string[]): string {
  return names.map((n) => `resource "aws_s3_bucket" "${n}" {\n  bucket = "${n}-data"\n}\n`).join('\n');
}

const POD = (extra: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  "wéird \\"key\\" ✓": 1${extra}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n`;

/**
 * The diagnostics of every version are written as `JSON.stringify` writes a fresh conversion of
 * a fresh analysis, byte for byte, while most of them are reused objects with remembered JSON.
 */
describe('publishDiagnostics on the wire', () => {
  test('each version is byte-identical to a fresh conversion (Terraform and YAML, edits that keep, change, shift and drop findings)', async (t) => {
    const ws = tempWorkspace();
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root], trusted: false });
    const frames = tapFrames(s);
    const analyzer = await sharedAnalyzer();
    const names = Array.from({ length: 40 }, (_, i) => `b${i}`);
    const tfVersions = [
      buckets(names),
      buckets(names.map((n) => (n === 'b7' ? 'b7x' : n))),
      `# a line above everything\n${buckets(names)}`,
      buckets([...names, 'extra']),
      buckets(names.slice(0, 10)),
      buckets(names.slice(0, 10)),
    ];
    const yamlVersions = [POD(''), POD('\n  other: 2'), `# shifted\n${POD('')}`, POD('')];
    for (const [file, versions] of [
      ['main.tf', tfVersions],
      ['pod.yaml', yamlVersions],
    ] as const) {
      const path = ws.path(file);
      let u = '';
      for (const [i, text] of versions.entries()) {
        const version = i + 1;
        const from = s.mark();
        if (i === 0) u = s.open(path, text);
        else s.change(u, text);
        await s.waitForDiagnostics(u, (p) => p.version === version, from);
        const expected = analyzer.analyze(path, text).findings.map(toDiagnostic);
        assert.ok(expected.length > 0, `${file} v${version} has findings`);
        const wanted = JSON.stringify({
          jsonrpc: '2.0',
          method: 'textDocument/publishDiagnostics',
          params: { uri: u, version, diagnostics: expected },
        });
        const sent = frames.filter((f) => f.body.includes(`"version":${version},`) && f.body.includes(u));
        assert.equal(sent.length, 1, `${file} v${version}: one publish`);
        const frame = sent[0]!;
        assert.equal(frame.body, wanted, `${file} v${version}`);
        assert.equal(frame.length, Buffer.byteLength(frame.body, 'utf8'));
      }
    }
    // Nothing but protocol frames on stdout (the console goes to the client's log).
    for (const f of frames) assert.equal(JSON.parse(f.body).jsonrpc, '2.0');
  });
});
