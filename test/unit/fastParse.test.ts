import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { fastParseDocument } from '../../server/src/core/yaml/fastParse';
import { splitDocuments } from '../../server/src/core/yaml/yamlFile';
import { loadAllCases } from '../rules/loadCases';
// @ts-expect-error: a plain ES module without types (the benchmark's seeded corpus)
import { composeFile, k8sManifest, prng } from '../../scripts/bench/corpus.mjs';

const OPTIONS = { merge: true, prettyErrors: false, uniqueKeys: false, strict: false };
const root = join(__dirname, '..', '..');

/** How `fast` differs from `yaml`'s tree of the same text (`undefined`: it does not). */
function difference(text: string, fast: Document.Parsed): string | undefined {
  const ref = parseDocument(text, OPTIONS);
  const problem = ref.errors[0] ?? ref.warnings[0];
  if (problem) return `yaml reports ${problem.code}, the fast parser accepted the text`;
  if (JSON.stringify(fast.range) !== JSON.stringify(ref.range))
    return `document range ${JSON.stringify(fast.range)}, yaml ${JSON.stringify(ref.range)}`;
  if (fast.directives.docStart !== ref.directives.docStart) return 'document start marker';
  const d = nodeDifference(fast.contents, ref.contents, '');
  if (d) return d;
  if (JSON.stringify(fast.toJS()) !== JSON.stringify(ref.toJS())) return 'toJS';
  return undefined;
}

function nodeDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === null || b === null) return a === b ? undefined : `${path}: null against a node`;
  const x = a as { constructor: unknown; range?: unknown };
  const y = b as { constructor: unknown; range?: unknown };
  if (x.constructor !== y.constructor) return `${path}: another node class`;
  if (JSON.stringify(x.range) !== JSON.stringify(y.range))
    return `${path}: range ${JSON.stringify(x.range)}, yaml ${JSON.stringify(y.range)}`;
  if (isScalar(a) && isScalar(b)) {
    for (const k of ['value', 'type', 'source', 'format', 'tag', 'minFractionDigits'] as const) {
      if (!Object.is(a[k as keyof typeof a], b[k as keyof typeof b])) return `${path}: ${k}`;
    }
    return undefined;
  }
  if ((isMap(a) || isSeq(a)) && (isMap(b) || isSeq(b))) {
    if (Boolean(a.flow) !== Boolean(b.flow)) return `${path}: flow`;
    if (a.items.length !== b.items.length) return `${path}: ${a.items.length} items, yaml ${b.items.length}`;
    for (let i = 0; i < a.items.length; i++) {
      const p = a.items[i];
      const q = b.items[i];
      const d =
        isPair(p) && isPair(q)
          ? (nodeDifference(p.key, q.key, `${path}/${i}:key`) ??
            nodeDifference(p.value, q.value, `${path}/${i}`))
          : nodeDifference(p, q, `${path}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: not a scalar or collection`;
}

/** Parses every document of `text` both ways: [documents, parsed fast, differences]. */
function compareFile(text: string): [number, number, string[]] {
  let fast = 0;
  const out: string[] = [];
  const chunks = splitDocuments(text);
  for (const c of chunks) {
    const doc = fastParseDocument(c.text, OPTIONS);
    if (!doc) continue;
    fast++;
    const d = difference(c.text, doc);
    if (d) out.push(`${d} in ${JSON.stringify(c.text.slice(0, 300))}`);
  }
  return [chunks.length, fast, out];
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

/** Texts a fast parse must agree on: fixtures, examples, rule cases and the benchmark corpus. */
function sampleTexts(): string[] {
  const texts = [...yamlFilesUnder(join(root, 'test')), ...yamlFilesUnder(join(root, 'examples'))].map((f) =>
    readFileSync(f, 'utf8'),
  );
  for (const { domain, cases } of loadAllCases()) {
    if (domain === 'tf') continue;
    for (const c of [...cases.valid, ...cases.invalid]) {
      if (!c.path || /\.ya?ml$/.test(c.path)) texts.push(c.code);
      for (const [name, code] of Object.entries(c.files ?? {})) if (/\.ya?ml$/.test(name)) texts.push(code);
    }
  }
  for (let seed = 1; seed <= 20; seed++) {
    texts.push((k8sManifest(seed, { lines: 400 }) as { text: string }).text, composeFile(seed) as string);
  }
  // Each also with Windows line ends.
  return [...texts, ...texts.map((t) => t.replace(/\r?\n/g, '\r\n'))];
}

describe('fast YAML parse', () => {
  it('builds the tree yaml builds, for every fixture, example, rule case and corpus file', () => {
    let docs = 0;
    let fast = 0;
    const problems: string[] = [];
    for (const text of sampleTexts()) {
      const [n, f, p] = compareFile(text);
      docs += n;
      fast += f;
      problems.push(...p);
    }
    assert.deepEqual(problems.slice(0, 5), []);
    // The subset is what these files are written in: most of them take the fast path.
    assert.ok(fast / docs > 0.8, `${fast} of ${docs} documents parsed fast`);
  });

  it('agrees with yaml or gives up on edited texts (seeded random edits)', () => {
    const random = prng(42) as () => number;
    const pick = (n: number): number => Math.floor(random() * n);
    const inserts = [
      ' ',
      '\n',
      ':',
      '-',
      '#',
      '"',
      "'",
      '|',
      '>',
      '[',
      ']',
      '{',
      '}',
      ',',
      'a',
      '1',
      '&',
      '*',
      '!',
      '?',
      '%',
      '`',
      '  ',
      ': ',
      '- ',
      '\n  ',
      '\\',
      '.',
      '~',
      '0x1',
      '|-',
      '>-',
      '\n---\n',
      '\t',
      '\r\n',
    ];
    let fast = 0;
    let tried = 0;
    const problems: string[] = [];
    const bases = sampleTexts().filter((t) => t.length < 20_000);
    for (let i = 0; i < 3000; i++) {
      let text = bases[pick(bases.length)] as string;
      for (let k = 1 + pick(3); k > 0; k--) {
        const at = pick(text.length + 1);
        text =
          pick(3) === 0
            ? text.slice(0, at) + text.slice(at + 1 + pick(3))
            : text.slice(0, at) + (inserts[pick(inserts.length)] as string) + text.slice(at);
      }
      const [n, f, p] = compareFile(text);
      tried += n;
      fast += f;
      problems.push(...p);
    }
    assert.deepEqual(problems.slice(0, 5), []);
    assert.ok(fast > tried / 3, `${fast} of ${tried} edited documents parsed fast`);
  });

  const FAST: [string, string][] = [
    ['mapping and sequence', 'a: 1\nb:\n  - x\n  - y: z  # c\n    w: [1, "q"]\nc:   \n'],
    ['sequence under a key at its column', 'a:\n- x\n- y\nb: 2\n'],
    ['nested sequences', '- - a\n  - b\n- c\n'],
    ['empty values', 'a:\n  b:\nc:\n\n'],
    [
      'comments before and between entries',
      '# head\na: 1\n\n# between\nb:\n  # above\n  c: 2 # trailing\n# last\n',
    ],
    ['document start marker', '--- # first\nkind: List\n'],
    ['quoted keys and values', `"a b": 'it''s'\n'c': "d"\n`],
    ['core schema values', 'a: 0x1f\nb: 0o17\nc: 1.50\nd: 1e3\ne: .inf\nf: ~\ng: TRUE\nh: -12\ni: .NaN\n'],
    ['flow sequences with spaces', 'a: [x  , "y" ,[z ] ]\nb: []\nc: {}\n'],
    ['literal block scalars', 'a: |\n  x\n\n  y\nb: |-\n  z\n\n\nc: 1\n'],
    ['folded block scalar', 'a: >\n  x\n  y\n\n  z\nb: 1\n'],
    ['block scalar at the end without a newline', 'a: |\n  x'],
    ['no final newline', 'a: b'],
    [
      'escapes in double quotes',
      'a: "x\\ty \\"q\\" \\u00e9 \\x41 \\U0001F600 \\\\ \\/ \\0"\n"k\\"ey": [ "\\n" ]\n',
    ],
    [
      'Windows line ends',
      'a: 1\r\nb:\r\n  - x\r\n  - |\r\n    y\r\n\r\n    z\r\n  - [q, "r"]\r\nc: # end\r\n  d: 2\r\n',
    ],
  ];
  for (const [name, text] of FAST) {
    it(`parses fast, as yaml does: ${name}`, () => {
      const doc = fastParseDocument(text, OPTIONS);
      assert.ok(doc, 'gave up');
      assert.equal(difference(text, doc), undefined);
    });
  }

  const LEFT_TO_YAML: [string, string][] = [
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['merge keys', 'a:\n  <<: {}\n'],
    ['tags', 'a: !!str 1\n'],
    ['an invalid escape', 'a: "x\\qy"\n'],
    ['an escaped line break', 'a: "x\\\n  y"\n'],
    ['a code point past Unicode', 'a: "\\U00110000"\n'],
    ['tabs', 'a:\t1\n'],
    ['a carriage return alone', 'a: 1\rb: 2\n'],
    ['multi-line plain scalars', 'a: x\n  y\n'],
    ['multi-line flow collections', 'a: [1,\n  2]\n'],
    ['flow mappings with entries', 'a: {b: 1}\n'],
    ['explicit keys', '? a\n: 1\n'],
    ['kept block scalars', 'a: |+\n  x\n\n'],
    ['indentation indicators', 'a: |2\n   x\n'],
    ['a comment deeper than the next line', 'a:\n  b: 1\n    # c\nd: 1\n'],
    ['a comment after an empty value', 'a:\n# c\nb: 1\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', '# only a comment\n'],
    ['deep nesting', `a: ${'['.repeat(100)}${']'.repeat(100)}\n`],
    ['a mapping on a key line', 'a: b: c\n'],
    ['an unterminated quote', 'a: "b\n'],
  ];
  for (const [name, text] of LEFT_TO_YAML) {
    it(`leaves to yaml: ${name}`, () => {
      assert.equal(fastParseDocument(text, OPTIONS), undefined);
    });
  }
});
