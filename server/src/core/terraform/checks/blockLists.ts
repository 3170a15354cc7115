import { replacedBlocks, type TfBlock, type TfFile } from '../model';

/**
 * Per-block lists over one file's top-level blocks, by position, and their concatenation, kept
 * for the block list last seen under a key (the file's path). A keystroke inside a block hands
 * back a list with that one block replaced (see the loader's `editInsideBlock`): only it is
 * computed again, and the concatenation is reused while the block's list stays empty before and
 * after. Otherwise every block is looked up in its check's per-block memo, as before: on a
 * 20k-line file that was 3,300 lookups per check and keystroke, most of them cache misses, run
 * unoptimised during the first keystrokes after an open.
 */
export class BlockLists<T> {
  private readonly last = new Map<string, Last<T>>();

  constructor(private readonly keep = 16) {}

  /**
   * The concatenation of `listOf(b)` over `blocks` (frozen: the same array comes back while the
   * lists hold). `context`: what the lists depend on besides the block (compared by identity;
   * another context looks every block up again).
   */
  concat(
    key: string,
    file: Pick<TfFile, 'blocks' | 'edit'>,
    listOf: (b: TfBlock) => readonly T[],
    context?: unknown,
  ): T[] {
    const was = this.last.get(key);
    const now = was && was.context === context ? patched(was, file, listOf) : undefined;
    const next = now ?? full(file.blocks, listOf, context);
    next.context = context;
    this.last.delete(key);
    this.last.set(key, next);
    if (this.last.size > this.keep) this.last.delete(this.last.keys().next().value as string);
    return next.all;
  }
}

interface Last<T> {
  blocks: readonly TfBlock[];
  lists: (readonly T[])[];
  all: T[];
  context: unknown;
}

/** Past this many replaced blocks the lists are looked up again rather than patched. */
const PATCHED_BLOCKS = 8;

const NONE: readonly never[] = Object.freeze([]);

function full<T>(
  blocks: readonly TfBlock[],
  listOf: (b: TfBlock) => readonly T[],
  context: unknown,
): Last<T> {
  const lists: (readonly T[])[] = new Array(blocks.length);
  const all: T[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const list = listOf(blocks[i] as TfBlock);
    // One shared empty list: reading most blocks' lists then touches one object, not 3,300.
    lists[i] = list.length === 0 ? NONE : list;
    for (const x of list) all.push(x);
  }
  // Handed out again while the lists hold: nobody may add to it.
  return { blocks, lists, all: Object.freeze(all) as T[], context };
}

function patched<T>(
  was: Last<T>,
  file: Pick<TfFile, 'blocks' | 'edit'>,
  listOf: (b: TfBlock) => readonly T[],
): Last<T> | undefined {
  const blocks = file.blocks;
  if (blocks === was.blocks) return was;
  const changed = replacedBlocks(file, was.blocks, PATCHED_BLOCKS);
  if (!changed) return undefined;
  const lists = was.lists.slice();
  let same = true;
  for (const i of changed) {
    const list = listOf(blocks[i] as TfBlock);
    if (list.length > 0 || (lists[i] as readonly T[]).length > 0) same = false;
    lists[i] = list.length === 0 ? NONE : list;
  }
  if (same) return { blocks, lists, all: was.all, context: was.context };
  const all: T[] = [];
  for (const list of lists) for (const x of list) all.push(x);
  return { blocks, lists, all: Object.freeze(all) as T[], context: was.context };
}
