import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic, Message } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../../server/src/core/types';
import { compareFindings } from '../../server/src/core/types';
import { OpenDiagnostics, toDiagnostic } from '../../server/src/lsp/diagnostics';
import { encodeMessage, publishEncoder, reusable } from '../../server/src/lsp/publishEncoding';

const URI = 'file:///work/a.tf';

function publish(diagnostics: unknown[], version?: number): Message {
  return {
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri: URI, version, diagnostics },
  } as Message;
}

function encoded(msg: Message): string {
  return encodeMessage(msg).toString('utf8');
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];
const RULES = ['tf/s3-bucket-no-encryption', 'tf/ec2-imdsv1-enabled', 'k8s/schema-unknown-field'];
/** Messages with what JSON must escape or encode: quotes, backslashes, control and non-ASCII characters. */
const WORDS = [
  'bucket',
  '"b4001"',
  'back\\slash',
  'tab\there',
  'line\nbreak',
  'ünïcödé',
  '日本',
  '😀',
  '\u2028',
  '\u0001',
];

function randomFinding(rnd: () => number, lines: number): Finding {
  const line = Math.floor(rnd() * lines);
  const character = Math.floor(rnd() * 3);
  const words = Array.from(
    { length: 1 + Math.floor(rnd() * 4) },
    () => WORDS[Math.floor(rnd() * WORDS.length)],
  );
  return {
    ruleId: RULES[Math.floor(rnd() * RULES.length)] as string,
    severity: SEVERITIES[Math.floor(rnd() * SEVERITIES.length)] as Severity,
    message: words.join(' '),
    range: {
      start: { line, character },
      end: { line: line + Math.floor(rnd() * 2), character: character + 5 },
    },
    fixes: rnd() < 0.3 ? [{ title: 'fix', edits: [] }] : undefined,
  };
}

/** A copy with new objects throughout, as the core hands out for findings it computed again. */
function clone(f: Finding): Finding {
  return JSON.parse(JSON.stringify(f)) as Finding;
}

describe('publish encoding', () => {
  test('writes exactly what JSON.stringify writes, for publishes and everything else', () => {
    const plain = toDiagnostic(randomFinding(prng(1), 10));
    const cached = reusable(toDiagnostic(randomFinding(prng(2), 10)));
    const extra: Diagnostic = {
      ...toDiagnostic(randomFinding(prng(3), 10)),
      tags: [1],
      relatedInformation: [{ location: { uri: URI, range: plain.range }, message: 'see "here"' }],
      data: { nested: ['x', null, 1.5] },
    };
    const messages: Message[] = [
      publish([plain, cached, extra], 3),
      publish([cached, cached], undefined),
      publish([], 4),
      publish([cached, undefined, null, 'x', [1], { toJSON: () => 'custom' }], 5),
      {
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { diagnostics: [cached], uri: URI },
      } as Message,
      {
        jsonrpc: '2.0',
        params: { uri: URI, diagnostics: [cached] },
        method: 'textDocument/publishDiagnostics',
      } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ünï "x"' } } as Message,
      { jsonrpc: '2.0', id: 7, result: [cached] } as Message,
    ];
    for (const m of messages) {
      assert.equal(encoded(m), JSON.stringify(m));
      assert.equal(encoded(m), JSON.stringify(m), 'the second time, from the cache');
    }
  });

  test('the encoder resolves to the same bytes as the library default', async () => {
    const d = reusable(toDiagnostic(randomFinding(prng(4), 10)));
    const m = publish([d, d], 2);
    const bytes = await publishEncoder.encode(m, { charset: 'utf-8' });
    assert.deepEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(m, undefined, 0), 'utf-8'));
  });

  test('reusable diagnostics are frozen; others are encoded as they are now', () => {
    const d = reusable(toDiagnostic(randomFinding(prng(5), 10)));
    assert.ok(Object.isFrozen(d) && Object.isFrozen(d.range) && Object.isFrozen(d.range.start));
    assert.throws(() => {
      (d as { message: string }).message = 'changed';
    }, TypeError);
    const plain = toDiagnostic(randomFinding(prng(6), 10));
    const m = publish([plain], 1);
    encoded(m);
    plain.message = 'changed since the last publish';
    assert.equal(encoded(m), JSON.stringify(m));
  });
});

describe('open documents: diagnostics reused between versions', () => {
  test('an unchanged finding keeps its diagnostic object, a changed one gets a new one', () => {
    const od = new OpenDiagnostics();
    const a: Finding = {
      ruleId: 'tf/x',
      severity: 'warning',
      message: 'm',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
    };
    const b: Finding = {
      ...a,
      message: 'n',
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
    };
    const v1 = od.convert(URI, [a, b]);
    const v2 = od.convert(URI, [clone(a), { ...clone(b), message: 'n2' }]);
    assert.equal(v2[0], v1[0]);
    const d = v1[0]!;
    assert.ok([d, d.range, d.range.start, d.range.end, d.codeDescription].every((o) => Object.isFrozen(o)));
    assert.notEqual(d.range, a.range, 'a range of its own');
    assert.notEqual(v2[1], v1[1]);
    assert.equal(v2[1]?.message, 'n2');
    const v3 = od.convert(URI, [{ ...clone(a), severity: 'error' }, clone(b)]);
    assert.notEqual(v3[0], v2[0]);
    assert.equal(v3[0]?.severity, 1);
    od.forget(URI);
    assert.notEqual(od.convert(URI, [clone(a)])[0], v3[0], 'nothing kept after forget');
  });

  test('the same finding objects keep their diagnostics; what changed between them is converted', () => {
    const rnd = prng(77);
    const od = new OpenDiagnostics();
    const findings = Array.from({ length: 200 }, () => randomFinding(rnd, 400)).sort(compareFindings);
    const v1 = od.convert(URI, findings);
    const edited = [...findings];
    edited.splice(100, 1, { ...(findings[100] as Finding), message: 'changed' });
    edited.splice(50, 0, randomFinding(rnd, 400));
    edited.sort(compareFindings);
    const v2 = od.convert(URI, edited);
    assert.deepEqual(v2, edited.map(toDiagnostic));
    for (const [i, f] of edited.entries()) {
      const k = findings.indexOf(f);
      if (k >= 0) assert.equal(v2[i], v1[k], `finding ${i} kept its diagnostic`);
    }
    assert.deepEqual(od.convert(URI, edited.slice(0, 120)), edited.slice(0, 120).map(toDiagnostic));
  });

  test('seeded versions: every publish equals a fresh conversion, and its JSON a fresh stringify', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = prng(seed);
      const od = new OpenDiagnostics();
      let findings = Array.from({ length: Math.floor(rnd() * 60) }, () => randomFinding(rnd, 30)).sort(
        compareFindings,
      );
      let reused = 0;
      let before: Diagnostic[] = [];
      for (let version = 1; version <= 25; version++) {
        const input = rnd() < 0.9 ? findings : [...findings].reverse();
        const out = od.convert(URI, input);
        const expected = input.map(toDiagnostic);
        assert.deepEqual(out, expected, `seed ${seed} version ${version}`);
        assert.equal(encoded(publish(out, version)), JSON.stringify(publish(expected, version)));
        reused += out.filter((d) => before.includes(d)).length;
        before = out;
        // The next version: the core recomputes some findings (new objects), changes, adds and
        // drops some, and may shift lines.
        const shift = rnd() < 0.15 ? 1 : 0;
        findings = findings
          .filter(() => rnd() > 0.05)
          .map((f) => {
            const g = rnd() < 0.5 ? clone(f) : f;
            if (rnd() < 0.05) return { ...g, message: `${g.message}!` };
            if (rnd() < 0.03) return { ...g, severity: SEVERITIES[Math.floor(rnd() * 4)] as Severity };
            if (!shift) return g;
            const { start, end } = g.range;
            return {
              ...g,
              range: { start: { ...start, line: start.line + 1 }, end: { ...end, line: end.line + 1 } },
            };
          });
        for (let k = Math.floor(rnd() * 3); k > 0; k--) findings.push(randomFinding(rnd, 30));
        findings.sort(compareFindings);
      }
      if (findings.length > 10) assert.ok(reused > 0, `seed ${seed}: some diagnostics are reused`);
    }
  });
});

describe('publish encoding: the runs a publish shares with the last one of its document', () => {
  test('seeded edits of a list (inserts, drops, swaps, growth, the same list): the bytes of a fresh stringify', () => {
    const uris = ['file:///work/a.tf', 'file:///work/b.tf'];
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = prng(100 + seed);
      const make = () => reusable(toDiagnostic(randomFinding(rnd, 50)));
      const lists = uris.map(() => Array.from({ length: 1 + Math.floor(rnd() * 40) }, make));
      for (let version = 1; version <= 30; version++) {
        const u = Math.floor(rnd() * uris.length);
        const list = lists[u] as Diagnostic[];
        const r = rnd();
        if (r < 0.2) list.splice(Math.floor(rnd() * (list.length + 1)), 0, make());
        else if (r < 0.35 && list.length > 1) list.splice(Math.floor(rnd() * list.length), 1);
        else if (r < 0.5) list[Math.floor(rnd() * list.length)] = make();
        else if (r < 0.6) list.push(make(), make());
        else if (r < 0.7) list.splice(0, 0, make());
        else if (r < 0.75) list.length = Math.max(1, list.length - 2);
        const m: Message = {
          jsonrpc: '2.0',
          method: 'textDocument/publishDiagnostics',
          params: { uri: uris[u], version, diagnostics: [...list] },
        } as Message;
        assert.equal(encoded(m), JSON.stringify(m), `seed ${seed} version ${version}`);
      }
    }
  });

  test('an item that is not reusable is encoded again, even where the list did not change', () => {
    const kept = reusable(toDiagnostic(randomFinding(prng(7), 10)));
    const plain = toDiagnostic(randomFinding(prng(8), 10));
    const m = publish([plain, kept, plain], 1);
    assert.equal(encoded(m), JSON.stringify(m));
    plain.message = 'changed since the last publish';
    assert.equal(encoded(m), JSON.stringify(m));
  });

  test('a longer uri or version shifts the copied runs; an emptied list starts over', () => {
    const ds = Array.from({ length: 6 }, (_, i) => reusable(toDiagnostic(randomFinding(prng(20 + i), 10))));
    for (const [list, version] of [
      [ds, 1],
      [ds, 1000000],
      [[], 1000001],
      [ds.slice(2), 1000002],
      [[...ds.slice(2), ...ds.slice(0, 2)], 3],
    ] as [Diagnostic[], number][]) {
      const m = publish(list, version);
      assert.equal(encoded(m), JSON.stringify(m), `version ${version}`);
    }
  });
});
