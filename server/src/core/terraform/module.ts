import { dirname, join } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import type { AnalysisHost } from '../analyzer';
import { LineIndex } from '../text/lineIndex';
import { buildFile } from './build';
import { liteTree, type LNode } from './lite';
import type { TfFile, TfModule } from './model';
import type { TfParser } from './parser';

/** One parsed .tf file: its model, and the tree kept for syntax findings and later incremental reparse. */
export interface ParsedTfFile {
  text: string;
  lines: LineIndex;
  /** Undefined when parsing was cancelled (pathological input). */
  tree: Tree | undefined;
  /** Plain-JS copy of the tree that the model and syntax findings are read from. */
  root: LNode | undefined;
  file: TfFile;
}

/**
 * Parses .tf files and assembles module folders. Files are cached by path and re-parsed only
 * when their text changes; replaced trees are deleted (they live in WASM memory).
 */
export class TfModuleLoader {
  private readonly files = new Map<string, ParsedTfFile>();

  constructor(private readonly parser: TfParser) {}

  parseFile(path: string, text: string): ParsedTfFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached;
    cached?.tree?.delete();
    const lines = new LineIndex(text);
    let tree: Tree | undefined;
    let root: LNode | undefined;
    let file: TfFile;
    try {
      tree = this.parser.parse(text);
      root = tree ? liteTree(tree, text) : undefined;
      file = root ? buildFile(path, root, lines) : { path, blocks: [], hasErrors: true };
    } catch {
      tree?.delete();
      tree = undefined;
      root = undefined;
      file = { path, blocks: [], hasErrors: true };
    }
    const parsed = { text, lines, tree, root, file };
    this.files.set(path, parsed);
    return parsed;
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
