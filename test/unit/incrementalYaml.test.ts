import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isNode, isPair, isScalar, visit } from 'yaml';
import {
  CRD_KIND,
  diffEdit,
  splitDocuments,
  YamlCache,
  type YamlDoc,
  type YamlFile,
} from '../../server/src/core/yaml/yamlFile';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { prng, randomEdit } from './incrementalKit';

/** Everything a parse hands out, in a comparable form. */
function snapshot(f: YamlFile) {
  const lines: number[] = [];
  for (let i = 0; i < f.lines.lineCount; i++) lines.push(f.lines.lineStart(i));
  return {
    lines,
    mentions: f.mentions,
    docs: f.docs.map((d) => ({
      index: d.index,
      offset: d.offset,
      line: d.line,
      text: d.text,
      value: d.value,
      errors: d.errors.map((e) => [e.code, e.pos]),
      warnings: d.warnings.map((e) => [e.code, e.pos]),
    })),
  };
}

/** The syntax tree of a document: every node's kind, range and scalar value, in order. */
function tree(d: YamlDoc): unknown[] {
  const out: unknown[] = [d.doc.errors.map((e) => [e.code, e.pos]), d.doc.warnings.length];
  visit(d.doc, (key, node) => {
    if (isNode(node)) out.push([key, node.constructor.name, node.range, isScalar(node) ? node.value : null]);
    else if (isPair(node)) out.push([key, 'pair']);
  });
  return out;
}

const BASE = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: a',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'spec:',
  '  replicas: 2',
  '  text: |',
  '    --- not a marker when indented',
  '...',
  '# comment',
  '---',
  'kind: Service',
  'spec:',
  '--- # trailing',
  'x: 1',
  '',
].join('\n');

describe('incremental YAML parse', () => {
  test('diffEdit finds the changed span', () => {
    assert.deepEqual(diffEdit('abcdef', 'abXdef'), { from: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(diffEdit('abc', 'abc'), { from: 3, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(diffEdit('aaa', 'aaaa'), { from: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(diffEdit('', 'x'), { from: 0, oldEnd: 0, newEnd: 1 });
    assert.deepEqual(diffEdit('x\n---\ny', 'x\ny'), { from: 2, oldEnd: 6, newEnd: 2 });
  });

  test('LineIndex.afterEdit equals a fresh index (random edits with \\r, \\n, \\r\\n)', () => {
    const rnd = prng(11);
    let text = 'a\r\nb\rc\n\nd\r\n\r\ne';
    let index = new LineIndex(text);
    for (let k = 0; k < 3000; k++) {
      const next = randomEdit(rnd, text, ['\r', '\n', '\r\n', 'x', '']);
      const e = diffEdit(text, next);
      index = index.afterEdit(next, e.from, e.oldEnd, e.newEnd);
      text = next;
      const fresh = new LineIndex(text);
      assert.equal(index.lineCount, fresh.lineCount, `edit ${k}: ${JSON.stringify(text)}`);
      for (let l = 0; l < fresh.lineCount; l++) assert.equal(index.lineStart(l), fresh.lineStart(l));
    }
  });

  test('re-parsing after random edits equals parsing from scratch', () => {
    const rnd = prng(7);
    const cache = new YamlCache();
    let text = BASE;
    // Edits that move document boundaries: markers made and broken, lines joined and split.
    const pieces = [
      '-',
      '.',
      '\n',
      '---\n',
      '...\n',
      '\n---',
      ' ',
      'a',
      ': ',
      '#',
      '\r\n',
      '',
      '"',
      '  b: 1\n',
      // Words the cache counts per document (`mentions`), made and broken by the other edits.
      '# bulwark-ignore x\n',
      'kind: CustomResourceDefinition\n',
    ];
    let before = cache.parse(text);
    let reused = 0;
    for (let k = 0; k < 1500; k++) {
      const last = text;
      text = randomEdit(rnd, text, pieces);
      if (text.length > 4000) text = BASE;
      if (text === last) continue;
      const incremental = cache.parse(text);
      const fresh = new YamlCache().parse(text);
      assert.deepEqual(snapshot(incremental), snapshot(fresh), `edit ${k}: ${JSON.stringify(text)}`);
      // What was counted per document, against a scan of the whole text.
      assert.deepEqual(incremental.mentions, {
        suppression: text.includes('bulwark-ignore'),
        crd: CRD_KIND.test(text),
      });
      // What the cache says carried over from the version before holds.
      const r = incremental.reuse;
      assert.ok(r && r.from === before.version && before.version !== incremental.version, `edit ${k}`);
      assert.ok(r.prefix + r.suffix <= incremental.docs.length && r.prefix + r.suffix <= before.docs.length);
      for (let i = 0; i < r.prefix; i++) assert.equal(incremental.docs[i], before.docs[i], `edit ${k}`);
      for (let s = 1; s <= r.suffix; s++) {
        const now = incremental.docs[incremental.docs.length - s] as YamlDoc;
        const was = before.docs[before.docs.length - s] as YamlDoc;
        assert.equal(now.key, was.key, `edit ${k}`);
        assert.equal(now.line, was.line + r.lineDelta, `edit ${k}`);
      }
      reused += r.prefix + r.suffix;
      before = incremental;
    }
    assert.ok(reused > 1500, `documents carried over: ${reused}`);
  });

  test('document lines and mentions follow edits that add and remove line breaks only', () => {
    // Same length, different lines: a document after the edit keeps its offset but not its line.
    const cache = new YamlCache();
    const text = 'a: 1\nb: 2\n---\nc: 3\n---\nkind: CustomResourceDefinition\n';
    const before = cache.parse(text);
    assert.deepEqual(
      before.docs.map((d) => d.line),
      [0, 2, 4],
    );
    assert.deepEqual(before.mentions, { suppression: false, crd: true });
    const after = cache.parse(text.replace('a: 1\nb', 'a: 1 b'));
    assert.equal(after.text.length, text.length);
    assert.deepEqual(
      after.docs.map((d) => [d.offset, d.line]),
      [
        [0, 0],
        [10, 1],
        [19, 3],
      ],
    );
    const back = cache.parse(after.text.replace('c: 3', 'c:\n3'));
    assert.deepEqual(
      back.docs.map((d) => [d.offset, d.line]),
      [
        [0, 0],
        [10, 1],
        [19, 4],
      ],
    );
    const typed = cache.parse(
      back.text.replace('CustomResourceDefinition', 'CustomResourceDefinitionX') + '# bulwark-ignore',
    );
    assert.deepEqual(typed.mentions, { suppression: true, crd: false });
  });

  test('documents an edit did not touch keep their parse', () => {
    const docs = Array.from({ length: 50 }, (_, i) => `kind: K\nmetadata:\n  name: n${i}\n`);
    const text = docs.join('---\n');
    const cache = new YamlCache();
    const before = cache.parse(text);
    const at = text.indexOf('name: n25') + 'name: n25'.length;
    const after = cache.parse(text.slice(0, at) + 'x' + text.slice(at));
    const changed = after.docs.filter((d, i) => d.key !== before.docs[i]?.key);
    assert.deepEqual(
      changed.map((d) => d.index),
      [25],
    );
    assert.equal(splitDocuments(after.text).length, 50);
  });

  test('dropped syntax trees: same keys, values and errors; trees parsed again equal fresh ones', () => {
    const rnd = prng(23);
    const cache = new YamlCache();
    let text = BASE;
    let last = cache.parse(text);
    const pieces = ['-', '\n', '---\n', '...\n', ' ', 'a', ': ', '#', '"', '  b: 1\n', 'k: [1, 1]\n', ''];
    for (let k = 0; k < 600; k++) {
      // Half the versions start from documents holding no tree (an idle document of a big file).
      if (k % 2 === 0) cache.forgetTrees();
      text = randomEdit(rnd, text, pieces);
      if (text.length > 4000) text = BASE;
      const before = last;
      const incremental = cache.parse(text);
      const fresh = new YamlCache().parse(text);
      const message = `edit ${k}: ${JSON.stringify(text)}`;
      assert.deepEqual(snapshot(incremental), snapshot(fresh), message);
      // Documents well before the edit keep their key (and so their results) without a tree.
      const edit = diffEdit(before.text, text);
      for (const [i, d] of before.docs.entries()) {
        if (d.offset + d.text.length + 4 > edit.from) break;
        assert.equal(incremental.docs[i]?.key, d.key, message);
      }
      assert.deepEqual(incremental.docs.map(tree), fresh.docs.map(tree), message);
      last = incremental;
    }
    assert.ok(cache.reparsed > 300, `trees parsed again (${cache.reparsed})`);
  });

  test('a cache holds the trees of the documents parsed or used last, within its budget', () => {
    const docs = Array.from({ length: 40 }, (_, i) => `kind: K\nmetadata:\n  name: n${i}\n`);
    const text = docs.join('---\n');
    const size = docs[1]!.length + 4;
    // Over four documents' worth of text, it keeps the last two.
    const cache = new YamlCache(4 * size);
    const file = cache.parse(text);
    // Documents are parsed on first use, in the order used.
    for (const i of [3, 7, 9, 11, 13]) void file.docs[i]?.value;
    assert.equal(cache.reparsed, 0);
    void file.docs[13]?.doc;
    void file.docs[11]?.doc;
    assert.equal(cache.reparsed, 0, 'the last two are held');
    void file.docs[9]?.doc;
    assert.equal(cache.reparsed, 1, 'the one before was dropped');
    assert.equal(file.docs.filter((d) => d.value !== undefined).length, 40);
  });
});
