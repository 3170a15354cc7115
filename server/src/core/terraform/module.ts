import { dirname, join } from 'node:path';
import { Edit, type Tree } from 'web-tree-sitter';
import type { AnalysisHost } from '../analyzer';
import { LineIndex } from '../text/lineIndex';
import { diffEdit, ownCopy } from '../yaml/yamlFile';
import { buildBlock, buildFile } from './build';
import { liteTree, LNode } from './lite';
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
}

interface BuiltBlock {
  key: string;
  line: number;
  character: number;
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

  constructor(private readonly parser: TfParser) {}

  parseFile(path: string, text: string): ParsedTfFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached;
    const edit = cached ? diffEdit(cached.text, text) : undefined;
    const lines =
      cached && edit
        ? cached.lines.afterEdit(text, edit.from, edit.oldEnd, edit.newEnd)
        : new LineIndex(text);
    let tree: Tree | undefined;
    let root: LNode | undefined;
    let file: TfFile;
    let blocks = new Map<string, BuiltBlock[]>();
    try {
      tree = this.reparse(cached, edit, text, lines);
      if (tree && !tree.rootNode.hasError) {
        const built = this.blocksOf(path, tree, text, lines, cached?.blocks);
        blocks = built.byText;
        root = new LNode(text, tree.rootNode.type, true, false, 0, text.length);
        file = { path, blocks: built.inOrder, hasErrors: false };
      } else {
        root = tree ? liteTree(tree, text) : undefined;
        file = root ? buildFile(path, root, lines) : { path, blocks: [], hasErrors: true };
      }
    } catch {
      tree?.delete();
      tree = undefined;
      root = undefined;
      file = { path, blocks: [], hasErrors: true };
    }
    const parsed = { text, lines, tree, root, file, blocks };
    this.files.set(path, parsed);
    return parsed;
  }

  /** Incremental when there is an old tree: it is told about the edit, reused, then deleted. */
  private reparse(
    old: ParsedTfFile | undefined,
    e: ReturnType<typeof diffEdit> | undefined,
    text: string,
    lines: LineIndex,
  ): Tree | undefined {
    if (!old?.tree || !e) return this.parser.parse(text);
    const point = (l: LineIndex, offset: number) => {
      const p = l.positionAt(offset);
      return { row: p.line, column: p.character };
    };
    old.tree.edit(
      new Edit({
        startIndex: e.from,
        oldEndIndex: e.oldEnd,
        newEndIndex: e.newEnd,
        startPosition: point(old.lines, e.from),
        oldEndPosition: point(old.lines, e.oldEnd),
        newEndPosition: point(lines, e.newEnd),
      }),
    );
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
   * subtree otherwise.
   */
  private blocksOf(
    path: string,
    tree: Tree,
    text: string,
    lines: LineIndex,
    previous: Map<string, BuiltBlock[]> | undefined,
  ): { inOrder: TfBlock[]; byText: Map<string, BuiltBlock[]> } {
    const out = new Map<string, BuiltBlock[]>();
    const inOrder: TfBlock[] = [];
    const c = tree.walk();
    const type = (): string => c.nodeType;
    try {
      if (!c.gotoFirstChild()) return { inOrder, byText: out };
      while (type() !== 'body' && c.gotoNextSibling());
      if (type() !== 'body' || !c.gotoFirstChild()) return { inOrder, byText: out };
      do {
        if (type() !== 'block') continue;
        const start = c.startIndex;
        const slice = text.slice(start, c.endIndex);
        const pos = lines.positionAt(start);
        const reused = previous
          ?.get(slice)
          ?.find((b) => b.line === pos.line && b.character === pos.character);
        // Kept blocks must not hold on to this version of the text (see ownCopy).
        const key = reused?.key ?? ownCopy(slice);
        const block = reused?.block ?? detachStrings(buildBlock(path, liteTree(c.currentNode, text), lines));
        const entry = { key, line: pos.line, character: pos.character, block };
        inOrder.push(block);
        const list = out.get(key);
        if (list) list.push(entry);
        else out.set(key, [entry]);
      } while (c.gotoNextSibling());
      return { inOrder, byText: out };
    } finally {
      c.delete();
    }
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
