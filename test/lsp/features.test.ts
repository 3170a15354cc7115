/**
 * Protocol-level tests of the editor features: hover, completion, document symbols, definition,
 * references, code lenses, and custom resources checked against a workspace CRD. Cursor
 * positions are written as `|` inside a needle (`'rep|licas'`) or inside an inline document.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type {
  CompletionItem,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  Position,
  Range,
} from 'vscode-languageserver/node';
import { ROOT } from '../helpers/analyzer';
import { serverFor, tempWorkspace, uri, type TestServer } from './harness';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'features');

/** Position of the `|` in `needle`, where the needle (without it) first occurs in `text`. */
function posOf(text: string, needle: string, nth = 0): Position {
  const bar = needle.indexOf('|');
  const plain = needle.replace('|', '');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(plain, at + 1);
  assert.ok(at >= 0, `needle ${needle} not found`);
  const offset = at + bar;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** Text without its `|` cursor marker, and the marker's position. */
function marked(src: string): { text: string; pos: Position } {
  const offset = src.indexOf('|');
  const before = src.slice(0, offset).split('\n');
  return { text: src.replace('|', ''), pos: { line: before.length - 1, character: before.at(-1)!.length } };
}

function rng(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

async function workspace(t: { after: (fn: () => void | Promise<void>) => void }) {
  const ws = tempWorkspace();
  cpSync(FIXTURES, ws.root, { recursive: true });
  t.after(ws.dispose);
  const s = await serverFor(t, {
    folders: [ws.root],
    settings: () => ({ validate: { debounceMs: 0 }, workspaceScan: { enabled: false } }),
  });
  const open = (rel: string) => {
    const path = ws.path(rel);
    const text = readFileSync(path, 'utf8');
    return { u: s.open(path, text), text, path };
  };
  return { ws, s, open };
}

function hover(s: TestServer, u: string, position: Position): Promise<Hover | null> {
  return s.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position });
}

function hoverText(h: Hover | null): string {
  return h ? (h.contents as MarkupContent).value : '';
}

function complete(s: TestServer, u: string, position: Position): Promise<CompletionItem[]> {
  return s.conn.sendRequest('textDocument/completion', { textDocument: { uri: u }, position });
}

function sorted(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

describe('hover', () => {
  test('Kubernetes keys show the schema description and type; findings show their rule', async (t) => {
    const { s, open } = await workspace(t);
    const { u, text } = open('deployment.yaml');
    const h = await hover(s, u, posOf(text, 'rep|licas'));
    assert.deepEqual(h?.range, rng(6, 2, 6, 10));
    assert.match(hoverText(h), /^\*\*replicas\*\* · `number`/);
    assert.match(hoverText(h), /Number of desired pods/);
    const kind = await hover(s, u, posOf(text, 'kind: Deploy|ment'));
    assert.match(hoverText(kind), /Deployment enables declarative updates/);

    await s.waitForDiagnostics(u, (p) => p.diagnostics.some((d) => d.code === 'k8s/privileged'));
    const f = await hover(s, u, posOf(text, 'privileged: t|rue'));
    assert.match(hoverText(f), /`k8s\/privileged`/);
    assert.match(hoverText(f), /\*\*Why:\*\*/);
    assert.match(hoverText(f), /\*\*Fix:\*\*/);
    assert.match(
      hoverText(f),
      /\[Rule docs\]\(https:\/\/github\.com\/bulwark-dev\/bulwark\/blob\/main\/docs\/rules\/k8s\/privileged\.md\)/,
    );
  });

  test('Compose keys show compose-spec docs with allowed values', async (t) => {
    const { s } = await workspace(t);
    const { text, pos } = marked(
      'services:\n  web:\n    image: a:1\n    depends_on:\n      db:\n        cond|ition: service_healthy\n  db:\n    image: b:1\n',
    );
    const u = s.open('/tmp/bulwark-hover-compose/compose.yaml', text);
    const h = await hover(s, u, pos);
    assert.deepEqual(h?.range, rng(5, 8, 5, 17));
    assert.match(hoverText(h), /\*\*condition\*\* · `string`/);
    assert.match(
      hoverText(h),
      /Allowed values: `service_started`, `service_healthy`, `service_completed_successfully`/,
    );
  });

  test('Terraform block types, meta-arguments and references', async (t) => {
    const { s, open } = await workspace(t);
    const { u, text } = open('tf/main.tf');
    assert.match(
      hoverText(await hover(s, u, posOf(text, 'reso|urce "aws_s3'))),
      /^\*\*resource\*\* \(block\)/,
    );
    const c = await hover(s, u, posOf(text, 'co|unt'));
    assert.match(hoverText(c), /^\*\*count\*\* \(argument\)/);
    assert.deepEqual(c?.range, rng(2, 2, 2, 7));
    const v = await hover(s, u, posOf(text, 'var.reg|ion'));
    assert.match(hoverText(v), /\*\*var\.region\*\*\n\nAWS region to deploy into\./);
    assert.match(hoverText(v), /default = "eu-west-1"/);
  });

  test('Terraform provider attributes: docs and completion from the real provider schema', async (t) => {
    const text = 'resource "terraform_data" "x" {\n  input = 1\n  \n}\n';
    const ws = tempWorkspace({ 'mod/main.tf': text });
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('mod/main.tf'), text);
    // The schemas load in the background (terraform providers schema -json); when they arrive the
    // folder is re-checked, which publishes the same version a second time.
    await s.waitForDiagnostics(u);
    await s.waitForDiagnostics(u, () => s.publishes(u).length >= 2);
    const h = await hover(s, u, posOf(text, 'inp|ut'));
    assert.match(
      hoverText(h),
      /^\*\*input\*\* · `dynamic` \(optional\)/,
      'type and optionality come from the provider schema',
    );
    const items = await complete(s, u, { line: 2, character: 2 });
    assert.ok(
      items.some((i) => i.label === 'triggers_replace'),
      `provider attributes offered: ${sorted(items).join(', ')}`,
    );
  });
});

describe('completion', () => {
  test('Kubernetes keys at depth, required first, with valid insert text', async (t) => {
    const { s } = await workspace(t);
    const { text, pos } = marked(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          |\n',
    );
    const u = s.open('/tmp/bulwark-complete/k8s.yaml', text);
    const items = await complete(s, u, pos);
    const labels = sorted(items);
    assert.ok(labels.includes('image') && labels.includes('securityContext'));
    assert.ok(!labels.includes('name'), 'keys already present are not offered');
    const sc = items.find((i) => i.label === 'securityContext')!;
    assert.equal((sc.textEdit as { newText: string }).newText, 'securityContext:\n  $0');
    const ports = items.find((i) => i.label === 'ports')!;
    assert.equal((ports.textEdit as { newText: string }).newText, 'ports:\n  - $0');

    const pod = marked('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      |\n');
    const u2 = s.open('/tmp/bulwark-complete/k8s2.yaml', pod.text);
    assert.equal(sorted(await complete(s, u2, pod.pos))[0], 'containers', 'required keys sort first');
  });

  test('apiVersion/kind pairs and kind values that exist', async (t) => {
    const { s } = await workspace(t);
    const empty = marked('|');
    const u = s.open('/tmp/bulwark-complete/new.yaml', `# bulwark: kubernetes\n${empty.text}`);
    const items = await complete(s, u, { line: 1, character: 0 });
    const dep = items.find((i) => i.label === 'Deployment (apps/v1)');
    assert.ok(dep, 'offers Deployment (apps/v1)');
    assert.match((dep.textEdit as { newText: string }).newText, /^apiVersion: apps\/v1\nkind: Deployment\n/);
    assert.ok(!items.some((i) => i.label.startsWith('Deployment (extensions')));

    const k = marked('apiVersion: apps/v1\nkind: State|\n');
    const u2 = s.open('/tmp/bulwark-complete/kind.yaml', k.text);
    const kinds = (await complete(s, u2, k.pos)).map((i) => i.label);
    assert.ok(kinds.includes('StatefulSet') && kinds.includes('Deployment'));
    assert.ok(!kinds.includes('Pod'), 'only kinds of apps/v1');
  });

  test('Compose service keys and declared names', async (t) => {
    const { s } = await workspace(t);
    const keys = marked('services:\n  web:\n    image: a:1\n    |\n  db:\n    image: b:1\n');
    const u = s.open('/tmp/bulwark-complete/compose.yaml', keys.text);
    const labels = (await complete(s, u, keys.pos)).map((i) => i.label);
    assert.ok(labels.includes('healthcheck') && labels.includes('depends_on') && !labels.includes('image'));
    const dep = marked(
      'services:\n  web:\n    image: a:1\n    depends_on:\n      - |\n  db:\n    image: b:1\n',
    );
    s.change(u, dep.text);
    assert.deepEqual(
      (await complete(s, u, dep.pos)).map((i) => i.label),
      ['web', 'db'],
    );
  });

  test('Terraform block types, meta-arguments and references of the folder', async (t) => {
    const { s, ws } = await workspace(t);
    const path = ws.path('tf/extra.tf');
    const top = marked('res|');
    const u = s.open(path, top.text);
    const blocks = await complete(s, u, top.pos);
    const res = blocks.find((i) => i.label === 'resource')!;
    assert.deepEqual(res.textEdit, {
      range: rng(0, 0, 0, 3),
      newText: 'resource "${1:type}" "${2:name}" {\n\t$0\n}',
    });

    const inside = marked('resource "aws_instance" "a" {\n  |\n}\n');
    s.change(u, inside.text);
    const metas = (await complete(s, u, inside.pos)).map((i) => i.label);
    assert.deepEqual(metas, [
      'count',
      'for_each',
      'depends_on',
      'provider',
      'lifecycle',
      'provisioner',
      'connection',
    ]);

    const ref = marked('output "x" {\n  value = var.|\n}\n');
    s.change(u, ref.text);
    assert.deepEqual(
      (await complete(s, u, ref.pos)).map((i) => i.label),
      ['prefix', 'region'],
    );
    const res2 = marked('output "x" {\n  value = aws_s3_bucket.|\n}\n');
    s.change(u, res2.text);
    assert.deepEqual(
      (await complete(s, u, res2.pos)).map((i) => i.label),
      ['logs'],
    );
  });
});

describe('document symbols', () => {
  test('Kubernetes objects as Kind/name, Compose sections, Terraform addresses', async (t) => {
    const { s, open } = await workspace(t);
    const symbols = (u: string): Promise<DocumentSymbol[]> =>
      s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } });
    const k = await symbols(open('deployment.yaml').u);
    assert.deepEqual(
      k.map((x) => [x.name, x.detail, x.selectionRange]),
      [
        ['Deployment/web', 'apps/v1 · shop', rng(3, 8, 3, 11)],
        ['Service/web', 'v1', rng(24, 8, 24, 11)],
      ],
    );
    const c = await symbols(open('compose.yaml').u);
    assert.deepEqual(
      c.map((x) => [x.name, x.children?.map((y) => y.name)]),
      [
        ['services', ['web', 'db']],
        ['networks', ['back']],
        ['secrets', ['db_password']],
      ],
    );
    const tf = await symbols(open('tf/main.tf').u);
    assert.deepEqual(
      tf.map((x) => x.name),
      ['aws_s3_bucket.logs', 'module.net', 'output.bucket'],
    );
    const vars = await symbols(open('tf/variables.tf').u);
    assert.deepEqual(
      vars.map((x) => [x.name, x.children?.map((y) => y.name)]),
      [
        ['var.region', undefined],
        ['var.prefix', undefined],
        ['locals', ['local.tags']],
      ],
    );
  });
});

describe('definition and references', () => {
  test('Terraform variables, resources and local module sources across the folder', async (t) => {
    const { s, open, ws } = await workspace(t);
    const { u, text } = open('tf/main.tf');
    const def = (p: Position): Promise<Location[]> =>
      s.conn.sendRequest('textDocument/definition', { textDocument: { uri: u }, position: p });
    assert.deepEqual(await def(posOf(text, 'var.reg|ion')), [
      { uri: uri(ws.path('tf/variables.tf')), range: rng(0, 9, 0, 17) },
    ]);
    assert.deepEqual(await def(posOf(text, 'aws_s3_bu|cket.logs[0]')), [
      { uri: u, range: rng(0, 25, 0, 31) },
    ]);
    assert.deepEqual(await def(posOf(text, './modu|les/net')), [
      { uri: uri(ws.path('tf/modules/net/main.tf')), range: rng(0, 0, 0, 0) },
    ]);

    const refs: Location[] = await s.conn.sendRequest('textDocument/references', {
      textDocument: { uri: u },
      position: posOf(text, 'var.pre|fix'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((r) => [r.uri === u ? 'main.tf' : 'variables.tf', r.range]),
      [
        ['variables.tf', rng(6, 9, 6, 17)],
        ['main.tf', rng(1, 14, 1, 24)],
        ['variables.tf', rng(11, 17, 11, 27)],
      ],
    );
  });

  test('Compose depends_on, networks and secrets', async (t) => {
    const { s, open } = await workspace(t);
    const { u, text } = open('compose.yaml');
    const def = (p: Position): Promise<Location[]> =>
      s.conn.sendRequest('textDocument/definition', { textDocument: { uri: u }, position: p });
    assert.deepEqual(await def(posOf(text, '- d|b')), [{ uri: u, range: rng(10, 2, 10, 4) }]);
    assert.deepEqual(await def(posOf(text, '- ba|ck')), [{ uri: u, range: rng(15, 2, 15, 6) }]);
    assert.deepEqual(await def(posOf(text, '- db_pa|ssword')), [{ uri: u, range: rng(17, 2, 17, 13) }]);
    const refs: Location[] = await s.conn.sendRequest('textDocument/references', {
      textDocument: { uri: u },
      position: posOf(text, 'ba|ck: {}'),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      refs.map((r) => r.range),
      [rng(7, 8, 7, 12), rng(13, 8, 13, 12)],
    );
  });
});

describe('custom resources', () => {
  test('a custom resource is checked against the CRD of its workspace folder', async (t) => {
    const { s, open } = await workspace(t);
    const { u } = open('crd/widget.yaml');
    const p = await s.waitForDiagnostics(u);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range]).sort(),
      [
        ['k8s/schema-type', rng(5, 8, 5, 13)],
        ['k8s/schema-unknown-field', rng(6, 2, 6, 8)],
      ].sort(),
    );
    const h = await hover(s, u, { line: 5, character: 3 });
    assert.match(hoverText(h), /\*\*size\*\* · `integer`\n\nHow many widgets to make\./);
  });

  test('without the CRD it stays a resource with no schema', async (t) => {
    const ws = tempWorkspace({ 'widget.yaml': readFileSync(join(FIXTURES, 'crd', 'widget.yaml'), 'utf8') });
    t.after(ws.dispose);
    const s = await serverFor(t, { folders: [ws.root] });
    const u = s.open(ws.path('widget.yaml'), readFileSync(ws.path('widget.yaml'), 'utf8'));
    const p = await s.waitForDiagnostics(u);
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['k8s/no-schema'],
    );
  });
});

describe('code lenses', () => {
  test('off by default; Plan/Deploy/Status above deploy targets when enabled', async (t) => {
    const { s, open } = await workspace(t);
    const { u } = open('deployment.yaml');
    assert.deepEqual(await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: u } }), []);
    s.setSettings(() => ({ validate: { debounceMs: 0 }, codeLens: { enabled: true } }) as never);
    const lenses: { range: Range; command: { command: string } }[] = await s.conn.sendRequest(
      'textDocument/codeLens',
      {
        textDocument: { uri: u },
      },
    );
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command.command]),
      [
        [0, 'bulwark.deploy'],
        [0, 'bulwark.rolloutStatus'],
      ],
    );
  });
});
