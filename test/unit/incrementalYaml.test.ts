import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { diffEdit, splitDocuments, YamlCache, type YamlFile } from '../../server/src/core/yaml/yamlFile';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { prng, randomEdit } from './incrementalKit';

/** Everything a parse hands out, in a comparable form. */
function snapshot(f: YamlFile) {
  const lines: number[] = [];
  for (let i = 0; i < f.lines.lineCount; i++) lines.push(f.lines.lineStart(i));
  return {
    lines,
    docs: f.docs.map((d) => ({
      index: d.index,
      offset: d.offset,
      text: d.text,
      value: d.value,
      errors: d.doc.errors.map((e) => [e.code, e.pos]),
      warnings: d.doc.warnings.map((e) => [e.code, e.pos]),
    })),
  };
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
    cache.parse(text);
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
    ];
    for (let k = 0; k < 1500; k++) {
      text = randomEdit(rnd, text, pieces);
      if (text.length > 4000) text = BASE;
      const incremental = cache.parse(text);
      const fresh = new YamlCache().parse(text);
      assert.deepEqual(snapshot(incremental), snapshot(fresh), `edit ${k}: ${JSON.stringify(text)}`);
    }
  });

  test('documents an edit did not touch keep their parse', () => {
    const docs = Array.from({ length: 50 }, (_, i) => `kind: K\nmetadata:\n  name: n${i}\n`);
    const text = docs.join('---\n');
    const cache = new YamlCache();
    const before = cache.parse(text);
    const at = text.indexOf('name: n25') + 'name: n25'.length;
    const after = cache.parse(text.slice(0, at) + 'x' + text.slice(at));
    const changed = after.docs.filter((d, i) => d.doc !== before.docs[i]?.doc);
    assert.deepEqual(
      changed.map((d) => d.index),
      [25],
    );
    assert.equal(splitDocuments(after.text).length, 50);
  });
});
