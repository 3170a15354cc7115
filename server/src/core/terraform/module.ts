import { dirname, join } from 'node:path';
import { Edit, type Node, type Tree, type TreeCursor } from 'web-tree-sitter';
import type { AnalysisHost } from '../analyzer';
import { LineIndex } from '../text/lineIndex';
import { diffEdit, ownCopy } from '../yaml/yamlFile';
import { buildBlock, buildFile } from './build';
import { liteTree, LNode } from './lite';
import { shiftBlock } from './shift';
import type { TfBlock, TfFile, TfModule } from './model';
import type { TfParser } from './parser';

/** One parsed .tf file: its model, and the tree kept for syntax findings and later incremental reparse. */
export interface ParsedTfFile {
  text: string;
  lines: LineIndex;
  /** Undefined when parsing was cancelled (pathological input). */
  tree: Tree | undefined;
  /**
   * Plain-JS copy of the tree that syntax findings are read from. For a file without syntax
   * errors only the root is copied (it has nothing to report), and the model is built block by block.
   */
  root: LNode | undefined;
  file: TfFile;
  /** Models of top-level blocks by their text, with where they started, for the next version. */
  blocks: Map<string, BuiltBlock[]>;
  /** The same, in file order. */
  inOrder: BuiltBlock[];
}

interface BuiltBlock {
  key: string;
  line: number;
  character: number;
  /** Offsets of the block in the text of this version. */
  start: number;
  end: number;
  block: TfBlock;
}

/**
 * Parses .tf files and assembles module folders. Files are cached by path; a new version of a
 * file is re-parsed incrementally (tree-sitter edit + reparse with the old tree), and top-level
 * blocks whose text and position did not change keep their model. Replaced trees are deleted
 * (they live in WASM memory).
 */
export class TfModuleLoader {
  private readonly files = new Map<string, ParsedTfFile>();

  /**
   * `checkedOnce`: no new version of a file will come, so block models and keys are not copied
   * off the text to be reused by one (about 35 ms of the benchmark repository's 500 files).
   */
  constructor(
    private readonly parser: TfParser,
    private readonly checkedOnce = false,
  ) {}

  parseFile(path: string, text: string): ParsedTfFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached;
    const edit = cached ? diffEdit(cached.text, text) : undefined;
    const lines =
      cached && edit
        ? cached.lines.afterEdit(text, edit.from, edit.oldEnd, edit.newEnd)
        : new LineIndex(text);
    if (cached && edit) {
      const quick = this.editInsideBlock(path, cached, edit, text, lines);
      if (quick) {
        this.files.set(path, quick);
        return quick;
      }
    }
    let tree: Tree | undefined;
    let root: LNode | undefined;
    let file: TfFile;
    let blocks = new Map<string, BuiltBlock[]>();
    let entries: BuiltBlock[] = [];
    try {
      tree = this.reparse(cached, edit, text, lines);
      if (tree && !tree.rootNode.hasError) {
        const built = this.blocksOf(path, tree, text, lines, cached, edit);
        blocks = built.byText;
        entries = built.entries;
        root = new LNode(text, tree.rootNode.type, true, false, 0, text.length);
        file = { path, blocks: built.inOrder, hasErrors: false };
      } else if (tree) {
        const built = this.brokenFile(path, tree, text, lines, cached, edit);
        blocks = built.byText;
        entries = built.entries;
        root = built.root;
        file = built.file;
      } else file = { path, blocks: [], hasErrors: true };
    } catch {
      tree?.delete();
      tree = undefined;
      root = undefined;
      file = { path, blocks: [], hasErrors: true };
    }
    const parsed = { text, lines, tree, root, file, blocks, inOrder: entries };
    this.files.set(path, parsed);
    return parsed;
  }

  /**
   * The keystroke path: an edit within one line, strictly inside one top-level block of an
   * error-free file, after which that block's new text parses (alone, at its place in the file)
   * as exactly one error-free block of the same extent. HCL is context-free, so the rest of the
   * file parses as before: every other block keeps its model (those after it only move by the
   * edit's length, on unchanged lines), and only the block is parsed, not the 20k-line file.
   * The file's tree is told about the edit but not re-parsed until an edit needs it (edits
   * accumulate: tree-sitter's reparse takes them all at once).
   */
  private editInsideBlock(
    path: string,
    old: ParsedTfFile,
    e: ReturnType<typeof diffEdit>,
    text: string,
    lines: LineIndex,
  ): ParsedTfFile | undefined {
    if (!old.tree || old.file.hasErrors || !old.root || old.inOrder.length === 0) return undefined;
    // Blocks after the edit keep their lines only if no line break came or went (`\r` alone is
    // one, and typing between `\r` and `\n` makes one more).
    const breaks = /[\r\n]/;
    if (breaks.test(old.text.slice(e.from, e.oldEnd)) || breaks.test(text.slice(e.from, e.newEnd)))
      return undefined;
    if (lines.positionAt(text.length).line !== old.lines.positionAt(old.text.length).line) return undefined;
    let lo = 0;
    let hi = old.inOrder.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((old.inOrder[mid]?.start ?? 0) <= e.from) lo = mid;
      else hi = mid - 1;
    }
    const hit = old.inOrder[lo];
    if (!hit || !(hit.start < e.from && e.oldEnd < hit.end)) return undefined;
    // A block after it on the edited line (`a { } b { }` parses) moves by characters: rebuilt.
    const next = old.inOrder[lo + 1];
    if (next && next.line === old.lines.positionAt(e.oldEnd).line) return undefined;
    const shift = e.newEnd - e.oldEnd;
    const start = hit.start;
    const end = hit.end + shift;
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    const piece = this.parser.parseRange(
      text,
      start,
      end,
      { row: from.line, column: from.character },
      { row: to.line, column: to.character },
    );
    if (!piece) return undefined;
    let block: TfBlock | undefined;
    try {
      if (piece.rootNode.hasError) return undefined;
      const body = piece.rootNode.firstNamedChild;
      const only = body?.type === 'body' && body.namedChildCount === 1 ? body.firstNamedChild : undefined;
      if (!only || only.type !== 'block' || only.startIndex !== start || only.endIndex !== end)
        return undefined;
      block = detachStrings(buildBlock(path, liteTree(only, text, true), lines));
    } finally {
      piece.delete();
    }
    old.tree.edit(treeEdit(e, old.lines, lines));
    const tree = old.tree;
    old.tree = undefined;
    // The old version is replaced by this one: its entries are updated in place (those after
    // the edit move by its length), not copied, and its index by text loses only the edited block.
    const entry: BuiltBlock = {
      key: ownCopy(text.slice(start, end)),
      line: hit.line,
      character: hit.character,
      start,
      end,
      block,
    };
    const inOrder = old.inOrder;
    inOrder[lo] = entry;
    if (shift !== 0)
      for (let i = lo + 1; i < inOrder.length; i++) {
        const later = inOrder[i] as BuiltBlock;
        later.start += shift;
        later.end += shift;
      }
    const blocks = old.blocks;
    const same = blocks.get(hit.key);
    if (same && same.length > 1) same.splice(same.indexOf(hit), 1);
    else blocks.delete(hit.key);
    const list = blocks.get(entry.key);
    if (!list) blocks.set(entry.key, [entry]);
    else {
      // In file order, as a full build makes it.
      let at = list.findIndex((b) => b.start > start);
      if (at < 0) at = list.length;
      list.splice(at, 0, entry);
    }
    const fileBlocks = old.file.blocks.slice();
    fileBlocks[lo] = block;
    old.inOrder = [];
    old.blocks = new Map();
    return {
      text,
      lines,
      tree,
      root: new LNode(text, old.root.type, true, false, 0, text.length),
      file: withEditNote(
        { path, blocks: fileBlocks, hasErrors: false },
        { before: old.file.blocks, index: lo },
      ),
      blocks,
      inOrder,
    };
  }

  /** Incremental when there is an old tree: it is told about the edit, reused, then deleted. */
  private reparse(
    old: ParsedTfFile | undefined,
    e: ReturnType<typeof diffEdit> | undefined,
    text: string,
    lines: LineIndex,
  ): Tree | undefined {
    if (!old?.tree || !e) return this.parser.parse(text);
    old.tree.edit(treeEdit(e, old.lines, lines));
    try {
      return this.parser.parse(text, old.tree);
    } finally {
      old.tree.delete();
      old.tree = undefined;
    }
  }

  /**
   * Models of the top-level blocks of an error-free tree: reused from the previous version
   * where a block's text and start position are the same, built from a copy of that block's
   * subtree otherwise. A block wholly before or after the edit has the same text as the block
   * at the matching old offset, if one was there with the same length: found by walking the old
   * blocks alongside, without copying or hashing its text.
   */
  private blocksOf(
    path: string,
    tree: Tree,
    text: string,
    lines: LineIndex,
    previous: ParsedTfFile | undefined,
    edit: ReturnType<typeof diffEdit> | undefined,
  ): { inOrder: TfBlock[]; byText: Map<string, BuiltBlock[]>; entries: BuiltBlock[] } {
    const kept = this.keptBlocks(path, text, lines, previous, edit);
    const inOrder: TfBlock[] = [];
    const c = tree.walk();
    const type = (): string => c.nodeType;
    try {
      if (!c.gotoFirstChild()) return { inOrder, byText: kept.byText, entries: kept.entries };
      while (type() !== 'body' && c.gotoNextSibling());
      if (type() !== 'body' || !c.gotoFirstChild())
        return { inOrder, byText: kept.byText, entries: kept.entries };
      do {
        if (type() === 'block') inOrder.push(kept.block(c.startIndex, c.endIndex, () => c.currentNode));
      } while (c.gotoNextSibling());
      return { inOrder, byText: kept.byText, entries: kept.entries };
    } finally {
      c.delete();
    }
  }

  /**
   * A file with syntax errors: its model and the copy of its tree that syntax findings are read
   * from, as `buildFile` makes them from a copy of the whole tree, but with each top-level block
   * that has no error taken as in a file without errors (kept from the last version when its
   * text and place are the same) and copied as a stub: only what holds an error is copied whole.
   * While a user types a new attribute into one block of a 20k-line file, every keystroke leaves
   * an error in that block, and copying the whole tree took 200 ms.
   */
  private brokenFile(
    path: string,
    tree: Tree,
    text: string,
    lines: LineIndex,
    previous: ParsedTfFile | undefined,
    edit: ReturnType<typeof diffEdit> | undefined,
  ): { root: LNode; file: TfFile; byText: Map<string, BuiltBlock[]>; entries: BuiltBlock[] } {
    const kept = this.keptBlocks(path, text, lines, previous, edit);
    const models = new Map<LNode, TfBlock>();
    /**
     * A childless stand-in for a block without errors, with its model; undefined where the
     * syntax findings of a whole copy could read more of it: a block whose brace is missing,
     * and, inside a block whose brace is missing (`nested`), one holding a heredoc (whose lines
     * that block's missing-brace search skips) or a nested block closed left of where it opens
     * (which that search takes as the culprit).
     */
    const blockStub = (start: number, end: number, model: TfBlock, nested = false): LNode | undefined => {
      if (model.unclosed) return undefined;
      if (nested && (text.slice(start, end).includes('<<') || closedLeftOfOpener(model, lines)))
        return undefined;
      const stub = new LNode(text, 'block', true, false, start, end);
      stub.stub = true;
      adopt(stub, new LNode(text, 'block_end', false, false, end - 1, end));
      models.set(stub, model);
      return stub;
    };
    const nestedStub = (n: TreeCursor, parent: LNode): LNode | undefined => {
      // Inside an ERROR node the message is read from the first tokens: those stay copied.
      if (n.nodeType !== 'block' || parent.type !== 'body' || underError(parent)) return undefined;
      const node = n.currentNode;
      if (node.hasError) return undefined;
      return blockStub(
        n.startIndex,
        n.endIndex,
        kept.block(n.startIndex, n.endIndex, () => node),
        true,
      );
    };
    const c = tree.walk();
    const type = (): string => c.nodeType;
    let root: LNode;
    try {
      root = new LNode(text, type(), true, false, c.startIndex, c.endIndex);
      root.hasError = true;
      if (c.gotoFirstChild()) {
        do {
          const body = new LNode(text, 'body', true, false, c.startIndex, c.endIndex);
          if (type() !== 'body' || !c.gotoFirstChild()) {
            adopt(root, liteTree(c.currentNode, text));
            continue;
          }
          do {
            const node = c.currentNode;
            if (type() !== 'block') {
              adopt(body, liteTree(node, text));
              continue;
            }
            if (node.hasError) {
              // A block whose `}` went missing nests the blocks after it (the rest of the file):
              // those that have no error are stubs too.
              adopt(body, liteTree(node, text, false, nestedStub));
              continue;
            }
            const stub = blockStub(
              c.startIndex,
              c.endIndex,
              kept.block(c.startIndex, c.endIndex, () => node),
            );
            adopt(body, stub ?? liteTree(node, text));
          } while (c.gotoNextSibling());
          c.gotoParent();
          adopt(root, body);
        } while (c.gotoNextSibling());
      }
    } finally {
      c.delete();
    }
    const file = buildFile(path, root, lines, models);
    return { root, file, byText: kept.byText, entries: kept.entries };
  }

  /**
   * Top-level blocks without errors, each kept from `previous` when its text and position are
   * the same (found by offset when clear of the edit, else by text) or built, and listed for the
   * next version in the order asked for.
   */
  private keptBlocks(
    path: string,
    text: string,
    lines: LineIndex,
    previous: ParsedTfFile | undefined,
    edit: ReturnType<typeof diffEdit> | undefined,
  ): {
    block: (start: number, end: number, node: () => Node) => TfBlock;
    byText: Map<string, BuiltBlock[]>;
    entries: BuiltBlock[];
  } {
    const byText = new Map<string, BuiltBlock[]>();
    const entries: BuiltBlock[] = [];
    const old = previous?.inOrder ?? [];
    const shift = edit ? edit.newEnd - edit.oldEnd : 0;
    let o = 0;
    const sameAt = (oldStart: number, length: number): BuiltBlock | undefined => {
      while (o < old.length && (old[o]?.start ?? 0) < oldStart) o++;
      const b = old[o];
      return b && b.start === oldStart && b.end - b.start === length ? b : undefined;
    };
    // Kept blocks must not hold on to this version of the text (see ownCopy).
    const detach: <T>(x: T) => T = this.checkedOnce
      ? (x) => x
      : (x) => (typeof x === 'string' ? (ownCopy(x) as typeof x) : detachStrings(x));
    const block = (start: number, end: number, node: () => Node): TfBlock => {
      const pos = lines.positionAt(start);
      const samePlace = (b: BuiltBlock | undefined) =>
        b && b.line === pos.line && b.character === pos.character ? b : undefined;
      let reused: BuiltBlock | undefined;
      let slice: string | undefined;
      // The same text at the same column, on another line (lines came or went above it).
      let moved: BuiltBlock | undefined;
      if (edit && end <= edit.from) reused = samePlace(sameAt(start, end - start));
      else if (edit && start >= edit.newEnd) {
        const same = sameAt(start - shift, end - start);
        reused = samePlace(same);
        if (!reused && same?.character === pos.character) moved = same;
      }
      if (!reused && !moved) {
        slice = text.slice(start, end);
        const same = previous?.blocks.get(slice);
        reused = same?.find((b) => samePlace(b) !== undefined);
        if (!reused) moved = same?.find((b) => b.character === pos.character);
      }
      const key = reused?.key ?? moved?.key ?? detach(slice ?? text.slice(start, end));
      const model =
        reused?.block ??
        (moved
          ? shiftBlock(moved.block, pos.line - moved.line)
          : detach(buildBlock(path, liteTree(node(), text, true), lines)));
      const entry = { key, line: pos.line, character: pos.character, start, end, block: model };
      entries.push(entry);
      const list = byText.get(key);
      if (list) list.push(entry);
      else byText.set(key, [entry]);
      return model;
    };
    return { block, byText, entries };
  }

  /**
   * The module folder of `path`: every `*.tf` file beside it, read through the host, with
   * `text` standing in for the file being checked. Files that cannot be read are skipped.
   */
  loadModule(path: string, text: string, host: AnalysisHost): TfModule {
    const dir = dirname(path);
    const files: TfFile[] = [];
    const names = (host.listDir(dir) ?? []).filter((n) => n.endsWith('.tf')).sort();
    const self = path.slice(dir.length + 1);
    if (!names.includes(self)) names.push(self);
    for (const name of names) {
      const p = join(dir, name);
      const t = p === path ? text : host.readFile(p);
      if (t === undefined || t.slice(0, 8192).includes('\u0000')) continue;
      files.push(this.parseFile(p, t).file);
    }
    return { dir, files };
  }

  /** Whether the folder has declarations this loader does not read (`*.tf.json`). */
  hasJsonConfig(dir: string, host: AnalysisHost): boolean {
    return (host.listDir(dir) ?? []).some((n) => n.endsWith('.tf.json'));
  }

  forget(path: string): void {
    this.files.get(path)?.tree?.delete();
    this.files.delete(path);
  }
}

/**
 * Replaces the strings of a freshly built model by copies: slices of the file's text would keep
 * that whole version of the file alive for as long as the block is reused.
 */
function detachStrings<T>(value: T): T {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (typeof x === 'string') o[k] = ownCopy(x);
      else walk(x);
    }
  };
  walk(value);
  return value;
}

/** The edit as tree-sitter takes it: offsets, and points in the old and the new text. */
function treeEdit(
  e: { from: number; oldEnd: number; newEnd: number },
  before: LineIndex,
  after: LineIndex,
): Edit {
  const point = (l: LineIndex, offset: number) => {
    const p = l.positionAt(offset);
    return { row: p.line, column: p.character };
  };
  return new Edit({
    startIndex: e.from,
    oldEndIndex: e.oldEnd,
    newEndIndex: e.newEnd,
    startPosition: point(before, e.from),
    oldEndPosition: point(before, e.oldEnd),
    newEndPosition: point(after, e.newEnd),
  });
}

/**
 * The note is not part of the model (a fresh parse has none, and models are compared and sent
 * to worker threads as they are): it is kept out of sight of both.
 */
function withEditNote(file: TfFile, edit: NonNullable<TfFile['edit']>): TfFile {
  Object.defineProperty(file, 'edit', { value: edit, enumerable: false });
  return file;
}

function adopt(parent: LNode, child: LNode): void {
  child.parent = parent;
  parent.children.push(child);
  if (child.hasError) parent.hasError = true;
}

function underError(n: LNode | undefined): boolean {
  for (let p = n; p; p = p.parent) if (p.isError) return true;
  return false;
}

/** Whether a block nested in `b`, at any depth, closes on a later line left of its opener's indentation. */
function closedLeftOfOpener(b: TfBlock, lines: LineIndex): boolean {
  for (const n of b.blocks) {
    const open = n.range.start.line;
    const close = n.range.end;
    // As the missing-brace search measures it (syntax.ts).
    const indent = /^[ \t]*/.exec(lines.lineText(open))?.[0].length ?? 0;
    if ((close.line > open && close.character - 1 < indent) || closedLeftOfOpener(n, lines)) return true;
  }
  return false;
}
