import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BlockLists } from '../../server/src/core/terraform/checks/blockLists';
import { replacedBlocks, type TfBlock } from '../../server/src/core/terraform/model';

/** Stand-in blocks: only their identity matters to BlockLists; `n` says what their list holds. */
const block = (n: number) => ({ n }) as unknown as TfBlock;
const listOf = (b: TfBlock) => Array.from({ length: (b as unknown as { n: number }).n }, (_, i) => `${i}`);

describe('BlockLists: per-block lists of a file, patched after a keystroke', () => {
  test('a few blocks replaced: only they are listed again, and the result is that of a full pass', () => {
    const lists = new BlockLists<string>();
    const blocks = Array.from({ length: 50 }, (_, i) => block(i % 7 === 0 ? 2 : 0));
    const asked: TfBlock[] = [];
    const counting = (b: TfBlock) => (asked.push(b), listOf(b));
    const first = lists.concat('/m/main.tf', { blocks: blocks }, counting);
    assert.equal(asked.length, 50);
    assert.ok(Object.isFrozen(first));
    // A block without findings replaced by another without: the same array comes back.
    const quiet = blocks.slice();
    quiet[3] = block(0);
    asked.length = 0;
    assert.equal(lists.concat('/m/main.tf', { blocks: quiet }, counting), first);
    assert.deepEqual(asked, [quiet[3]]);
    // A block that gains findings: the concatenation is rebuilt, in block order.
    const louder = quiet.slice();
    louder[10] = block(3);
    asked.length = 0;
    const after = lists.concat('/m/main.tf', { blocks: louder }, counting);
    assert.deepEqual(asked, [louder[10]]);
    assert.deepEqual(after, new BlockLists<string>().concat('/other.tf', { blocks: louder }, listOf));
    assert.notDeepEqual(after, first);
  });

  test('another length, many blocks replaced, another context or key: every block listed again', () => {
    const lists = new BlockLists<string>();
    const blocks = Array.from({ length: 20 }, () => block(1));
    lists.concat('/a.tf', { blocks: blocks }, listOf, 'ctx');
    let asked = 0;
    const counting = (b: TfBlock) => (asked++, listOf(b));
    lists.concat('/a.tf', { blocks: [...blocks, block(1)] }, counting, 'ctx');
    assert.equal(asked, 21);
    asked = 0;
    lists.concat('/a.tf', { blocks: blocks.map(() => block(1)) }, counting, 'ctx');
    assert.equal(asked, 20, 'all replaced');
    asked = 0;
    const same = blocks.slice();
    lists.concat('/a.tf', { blocks: blocks }, listOf, 'ctx');
    lists.concat('/a.tf', { blocks: same }, counting, 'other context');
    assert.equal(asked, 20);
    asked = 0;
    lists.concat('/b.tf', { blocks: same }, counting, 'other context');
    assert.equal(asked, 20, 'another file');
  });

  test("the loader's edit note names the replaced block without a comparison of every block", () => {
    const blocks = Array.from({ length: 30 }, () => block(1));
    const next = blocks.slice();
    next[4] = block(2);
    // The note is taken as it is when it links the two versions (here it names a block the
    // comparison would not find, which only a note can do).
    assert.deepEqual(replacedBlocks({ blocks: next, edit: { before: blocks, index: 9 } }, blocks, 8), [9]);
    // Against an older version the blocks are compared.
    const older = blocks.slice();
    older[20] = block(1);
    assert.deepEqual(replacedBlocks({ blocks: next, edit: { before: blocks, index: 4 } }, older, 8), [4, 20]);
    assert.equal(replacedBlocks({ blocks: next.slice(1) }, blocks, 8), undefined, 'another length');
    assert.deepEqual(replacedBlocks({ blocks }, blocks, 8), []);
    const lists = new BlockLists<string>();
    lists.concat('/n.tf', { blocks }, listOf);
    const asked: TfBlock[] = [];
    lists.concat(
      '/n.tf',
      { blocks: next, edit: { before: blocks, index: 4 } },
      (b) => (asked.push(b), listOf(b)),
    );
    assert.deepEqual(asked, [next[4]]);
  });
});
