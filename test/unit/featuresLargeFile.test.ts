/**
 * Hover and completion read only the document under the cursor (core/features/documentAt.ts):
 * in document 500 of a large manifest they must answer exactly as in a file holding that one
 * document, shifted by its first line. Positions cover every character of the document, so any
 * read past a document marker (or a wrong document picked) shows up as a difference.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import { documentAt, documentLines, lineOf } from '../../server/src/core/features/documentAt';
import { EditorFeatures } from '../../server/src/core/features/service';
import type { Position } from '../../server/src/core/types';
import { parseYaml } from '../../server/src/core/yaml/yamlFile';
import { ASSETS, diskHost } from '../helpers/analyzer';

/** A Deployment with half-typed keys and values (`re`, `imagePullPolicy: `) where completion has work. */
function deployment(i: number): string[] {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: app-${i}`,
    'spec:',
    '  re',
    '  selector:',
    '    matchLabels:',
    `      app: app-${i}`,
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: app-${i}`,
    '          imagePullPolicy: ',
    '          ',
    '          ports:',
    '            - containerPort: 80',
    '              pro',
  ];
}

function service(i: number): string[] {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: svc-${i}`,
    'spec:',
    '  type: ',
    '  ports:',
    '    - port: 80',
  ];
}

const TARGET = 500;

/** 600 documents; the target one (a Deployment) is preceded by `---` and followed by `...`. */
function manifest(): { text: string; first: number; last: number } {
  const lines: string[] = [];
  let first = 0;
  let last = 0;
  for (let i = 0; i < 600; i++) {
    if (i > 0) lines.push('---');
    if (i === TARGET) first = lines.length;
    lines.push(...(i % 2 === 0 ? deployment(i) : service(i)));
    if (i === TARGET) {
      last = lines.length;
      lines.push('...');
    }
  }
  return { text: lines.join('\n') + '\n', first, last };
}

function shift<T>(value: T, lines: number): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value), (k, v: unknown) => {
    if ((k === 'start' || k === 'end') && v && typeof v === 'object' && 'line' in v) {
      const p = v as Position;
      return { line: p.line + lines, character: p.character };
    }
    return v;
  }) as T;
}

describe('editor features on one document of a large manifest', async () => {
  const analyzer = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
  const features = new EditorFeatures(analyzer.sources, (id) => `https://docs.invalid/${id}`);
  const big = manifest();
  const bigPath = '/virtual/big/manifest.yaml';
  const allLines = big.text.split('\n');
  // The same document alone, with the `---` that opened it in the large file.
  const oneText = ['---', ...allLines.slice(big.first, big.last)].join('\n') + '\n';
  const onePath = '/virtual/one/manifest.yaml';
  analyzer.analyze(bigPath, big.text);
  analyzer.analyze(onePath, oneText);
  const delta = big.first - 1;

  test('completion gives the same items at every position of the document', () => {
    let nonEmpty = 0;
    for (let line = 1; line <= big.last - big.first; line++) {
      const width = oneText.split('\n')[line]!.length;
      for (let character = 0; character <= width; character++) {
        const alone = features.completion(onePath, oneText, { line, character });
        const inBig = features.completion(bigPath, big.text, { line: line + delta, character });
        assert.deepEqual(inBig, shift(alone, delta), `completion at ${line}:${character}`);
        if (alone.length > 0) nonEmpty++;
      }
    }
    // The positions exercised keys, enum values and sequence items, not only empty answers.
    assert.ok(nonEmpty > 50, `only ${nonEmpty} positions completed anything`);
  });

  test('completion of a half-typed key in the document offers the schema keys', () => {
    const pos = { line: big.first + 5, character: 4 };
    const labels = features.completion(bigPath, big.text, pos).map((e) => e.label);
    assert.ok(labels.includes('replicas'), labels.join(','));
    for (const present of ['selector', 'template'])
      assert.ok(!labels.includes(present), `${present} is present below the cursor and not offered`);
    const values = features.completion(bigPath, big.text, { line: big.first + 13, character: 27 });
    assert.deepEqual(
      values.map((e) => e.label),
      ['Always', 'IfNotPresent', 'Never'].filter((v) => values.some((e) => e.label === v)),
    );
  });

  test('hover gives the same answer at every position of the document', () => {
    let found = 0;
    for (let line = 1; line <= big.last - big.first; line++) {
      const width = oneText.split('\n')[line]!.length;
      for (let character = 0; character <= width; character++) {
        const alone = features.hover(onePath, oneText, { line, character });
        const inBig = features.hover(bigPath, big.text, { line: line + delta, character });
        assert.deepEqual(inBig, shift(alone, delta), `hover at ${line}:${character}`);
        if (alone) found++;
      }
    }
    assert.ok(found > 50, `only ${found} positions had a hover`);
  });

  test('completion on a document marker line reads the keys above it, as the whole text would', () => {
    // On `---` the keys of the document above count as present (the line-based reading runs up
    // to the previous marker), while the schema is the one of the document below.
    const text = [
      ...allLines.slice(0, 20),
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: a',
      'immutable: true',
      'data:',
      '  k: v',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: b',
      '',
    ].join('\n');
    const marker = 28;
    assert.equal(text.split('\n')[marker], '---');
    const labels = features.completion('/virtual/marker/m.yaml', text, { line: marker, character: 0 });
    assert.deepEqual(
      labels.map((e) => e.label),
      ['binaryData'],
    );
  });
});

describe('editor features after idle documents dropped their syntax trees', async () => {
  // Outline and lenses are remembered per document and shifted when documents move; hover and
  // completion parse the document under the cursor again. Each answer must equal the one a fresh
  // analyzer (every tree held) gives for the same text.
  const analyzer = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
  const features = new EditorFeatures(analyzer.sources, (id) => `https://docs.invalid/${id}`);
  const path = '/virtual/dropped/manifest.yaml';
  /** On `name`, on a container's `name`, on `imagePullPolicy` (lines of the target document). */
  const HOVERS = [
    [3, 4],
    [12, 11],
    [13, 12],
  ] as const;
  const big = manifest();
  const freshAnswers = async (text: string) => {
    const a = await Analyzer.create(diskHost(), { assetsDir: ASSETS });
    const f = new EditorFeatures(a.sources, (id) => `https://docs.invalid/${id}`);
    a.analyze(path, text);
    return {
      symbols: f.symbols(path, text),
      lenses: f.codeLenses(path, text),
      hovers: HOVERS.map(([l, c]) => f.hover(path, text, { line: big.first + l, character: c })),
      completion: f.completion(path, text, { line: big.first + 5, character: 4 }),
    };
  };
  const answers = (text: string) => ({
    symbols: features.symbols(path, text),
    lenses: features.codeLenses(path, text),
    hovers: HOVERS.map(([l, c]) => features.hover(path, text, { line: big.first + l, character: c })),
    completion: features.completion(path, text, { line: big.first + 5, character: 4 }),
  });

  test('outline, lenses, hover and completion are unchanged, also after documents moved', async () => {
    analyzer.analyze(path, big.text);
    const held = answers(big.text);
    assert.equal(held.symbols.length, 600);
    assert.equal(held.lenses.length, 600, 'Deploy and Status above each of the 300 Deployments');
    assert.ok(
      held.hovers.every((h) => h !== undefined),
      JSON.stringify(held.hovers),
    );
    assert.ok(held.completion.length > 0);
    analyzer.dropSyntaxTrees();
    const reparsedBefore = analyzer.syntaxTreesReparsed;
    assert.deepEqual(answers(big.text), held);
    // Remembered per document: only the documents under the cursor were parsed again.
    assert.ok(analyzer.syntaxTreesReparsed - reparsedBefore <= 3, 'outline and lenses read no tree');
    assert.deepEqual(held, await freshAnswers(big.text));
    // Two lines added in the first document: every other document moves down by two lines.
    const moved = big.text.replace('  name: app-0\n', '  name: app-0\n  labels: {a: b}\n  annotations: {}\n');
    analyzer.analyze(path, moved);
    analyzer.dropSyntaxTrees();
    const shifted = answers(moved);
    const want = await freshAnswers(moved);
    assert.deepEqual(shifted.symbols, want.symbols);
    assert.deepEqual(shifted.lenses, want.lenses);
    assert.notDeepEqual(shifted.symbols, held.symbols);
  });
});

describe('documentAt / documentLines / lineOf', () => {
  const text = 'a: 1\n---\nb: 2\nc: 3\n...\n---\nd: 4\n';
  const file = parseYaml(text);

  test('documentAt finds the document holding an offset by binary search', () => {
    const found = [0, 4, 5, 9, 20, text.length].map((o) => documentAt(file, o)?.index);
    assert.deepEqual(found, [0, 0, 1, 1, 1, 2]);
  });

  test('documentLines spans marker to marker and makes the position relative', () => {
    const w = documentLines(file, { line: 3, character: 2 });
    assert.deepEqual(w, { lines: ['---', 'b: 2', 'c: 3'], firstLine: 1, pos: { line: 2, character: 2 } });
    const first = documentLines(file, { line: 0, character: 0 });
    assert.deepEqual(first.lines, ['a: 1']);
    const onMarker = documentLines(file, { line: 5, character: 1 });
    assert.deepEqual(onMarker, {
      lines: ['...', '---', 'd: 4', ''],
      firstLine: 4,
      pos: { line: 1, character: 1 },
    });
  });

  test('lineOf reads one line without its break', () => {
    assert.deepEqual(
      [0, 1, 2, 9].map((l) => lineOf('x\r\ny\nz', l)),
      ['x', 'y', 'z', ''],
    );
  });
});
