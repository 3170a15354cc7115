import { addDuplicateKeyErrors } from './duplicateKeys';
import { fastParseDocument } from './fastParse';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
  type YAMLMap,
  type YAMLWarning,
} from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';

/**
 * Identity of one parse of a document's text: the same object while the text is unchanged (and
 * across the documents of a file with equal texts). Results remembered per document key on it.
 */
export type DocKey = object;

/** One YAML document of a (possibly multi-document) file. */
export class YamlDoc {
  constructor(
    /** Index among the file's documents. */
    readonly index: number,
    /** Offset of this document's text within the file; node ranges in `doc` are relative to it. */
    readonly offset: number,
    private readonly parsed: ParsedDoc,
    /** Line of `offset` in the file (kept with the document, so memos need no line lookup). */
    readonly line: number,
  ) {}

  get text(): string {
    return this.parsed.text;
  }

  /** The parser's document, parsed again on demand once dropped (see `HELD_TREE_BYTES`). */
  get doc(): Document.Parsed {
    return this.parsed.doc;
  }

  /** `doc.toJS()`, computed once. `undefined` for an empty document. */
  get value(): unknown {
    return this.parsed.value;
  }

  /** Parse errors of `doc` (duplicate keys included), kept when the document's tree is dropped. */
  get errors(): readonly YAMLError[] {
    return this.parsed.errors;
  }

  get warnings(): readonly YAMLWarning[] {
    return this.parsed.warnings;
  }

  get key(): DocKey {
    return this.parsed;
  }
}

export interface YamlFile {
  text: string;
  lines: LineIndex;
  docs: YamlDoc[];
  /**
   * Whether the text may hold a `bulwark-ignore` comment, and a CustomResourceDefinition
   * (`CRD_KIND`): counted per document as documents change, so callers can skip scanning a big
   * file's whole text on every version. Absent: not known (scan).
   */
  mentions?: Mentions;
  /** Identity of this version of the file as the cache handed it out (absent: not from a cache). */
  version?: object;
  /** How `docs` relate to those of the version before (see `Reuse`), when the cache knows. */
  reuse?: Reuse;
}

/**
 * The documents of a version that equal those of the version `from` (the `version` of an earlier
 * `YamlFile` of the same cache): `docs[0, prefix)` are the very same documents; the last
 * `suffix` documents have the keys of its last `suffix`, each `lineDelta` lines further down.
 * Whoever remembers a result for the whole of version `from` only has to redo the rest.
 */
export interface Reuse {
  from: object;
  prefix: number;
  suffix: number;
  lineDelta: number;
}

export interface Mentions {
  suppression: boolean;
  crd: boolean;
}

/** A top-level `kind: CustomResourceDefinition` (a match never crosses a document boundary). */
export const CRD_KIND = /^kind:\s*["']?CustomResourceDefinition\b/m;
const SUPPRESSION_WORD = 'bulwark-ignore';
const MENTIONS_SUPPRESSION = 1;
const MENTIONS_CRD = 2;

/**
 * Texts of documents whose syntax tree is held. A tree is about 20 times the size of its text (a
 * 5 MiB manifest: 104 MB of trees against 14 MB of values and 5 MB of text), and only the
 * documents being edited need theirs on every version: the others keep their text, value and
 * errors, and are parsed again when a position in them is asked for (their results are
 * remembered per document, so that is rare). Small files keep every tree.
 */
const HELD_TREE_BYTES = 256 * 1024;

/**
 * A document's parse, done on first use (so a big file's documents are parsed in the order the
 * analysis reads them, each tree used while it is fresh). The tree is held while the document is
 * among the most recently parsed or used of its cache; after that it is dropped and parsed again
 * from the text on demand, which yields the same tree.
 */
class ParsedDoc {
  private facts: Facts | undefined;
  private held: Document.Parsed | undefined;
  private marks = -1;

  constructor(
    readonly text: string,
    private readonly trees: HeldTrees,
  ) {}

  get value(): unknown {
    return this.parse().value;
  }

  /** `MENTIONS_*` bits of the text, found once. */
  get mentions(): number {
    if (this.marks < 0) {
      this.marks =
        (this.text.includes(SUPPRESSION_WORD) ? MENTIONS_SUPPRESSION : 0) |
        (CRD_KIND.test(this.text) ? MENTIONS_CRD : 0);
    }
    return this.marks;
  }

  get errors(): readonly YAMLError[] {
    return this.parse().errors;
  }

  get warnings(): readonly YAMLWarning[] {
    return this.parse().warnings;
  }

  /** An empty document without errors or an explicit start (skipped after the first). */
  get blank(): boolean {
    // A chunk opened by its `---` marker is never blank: no need to parse it for that.
    return !this.text.startsWith('---') && this.parse().blank;
  }

  get doc(): Document.Parsed {
    if (this.held) return this.held;
    if (!this.facts) {
      this.parse();
      // Held now: `add` never drops the tree it is adding.
      if (this.held) return this.held;
    }
    const doc = parseTree(this.text);
    this.trees.reparsed++;
    this.hold(doc);
    return doc;
  }

  /** Lets go of the tree (the next use parses again). */
  drop(): void {
    if (this.held && dropHooks.length > 0) {
      const alone = new YamlDoc(0, 0, this, 0);
      for (const hook of dropHooks) hook(alone);
    }
    this.held = undefined;
  }

  private parse(): Facts {
    if (this.facts) return this.facts;
    const doc = parseTree(this.text);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch {
      // Alias bombs and similar: keep the document for its errors, skip its value.
      value = undefined;
    }
    this.facts = {
      value,
      errors: doc.errors.length ? doc.errors : NONE,
      warnings: doc.warnings.length ? doc.warnings : NONE,
      blank: doc.contents === null && doc.errors.length === 0 && !/^---/.test(this.text.trimStart()),
    };
    this.hold(doc);
    return this.facts;
  }

  private hold(doc: Document.Parsed): void {
    this.held = doc;
    this.trees.add(this);
  }
}

const dropHooks: ((d: YamlDoc) => void)[] = [];

/**
 * Work to do with a document's tree before the tree is dropped (`d.offset` is 0: positions in
 * the tree count from the document's start): what every document yields (where its outline
 * entry points) is remembered then, instead of parsing every document again when the outline
 * of a big file is first asked for.
 */
export function beforeTreeDropped(hook: (d: YamlDoc) => void): void {
  dropHooks.push(hook);
}

interface Facts {
  value: unknown;
  errors: readonly YAMLError[];
  warnings: readonly YAMLWarning[];
  blank: boolean;
}

const NONE: readonly never[] = Object.freeze([]);

/** The documents of one cache whose trees are held, oldest first. */
class HeldTrees {
  private readonly docs = new Set<ParsedDoc>();
  private bytes = 0;
  /** Trees parsed again on demand (for tests and measurements). */
  reparsed = 0;

  constructor(readonly budget: number) {}

  /**
   * Holds `d`'s tree, dropping the oldest once over the budget (down to half of it). Dropped at
   * once, not held weakly: V8 keeps the targets of weak references made during a task until it
   * ends, so the first analysis of a big file would still hold every tree; and trees dropped
   * soon die young (scavenges free them, no full collection needed).
   */
  add(d: ParsedDoc): void {
    this.docs.add(d);
    this.bytes += d.text.length;
    if (this.bytes > this.budget) this.release(this.budget / 2, d);
  }

  /** Lets go of the oldest trees (but `spare`'s) until those held sum up to `keep` characters. */
  release(keep: number, spare?: ParsedDoc): void {
    for (const d of this.docs) {
      if (this.bytes <= keep) break;
      if (d === spare) continue;
      this.docs.delete(d);
      this.bytes -= d.text.length;
      d.drop();
    }
  }
}

/**
 * Parses YAML one document at a time and keeps each parsed document keyed by its text, so that
 * re-parsing a file after an edit only parses the documents the edit touched.
 * Splitting on `---` / `...` lines at column 0 is exact: the YAML spec ends a document at such a
 * marker wherever it appears, block scalars included.
 */
export class YamlCache {
  private last: { file: YamlFile; chunks: Chunk[] } | undefined;
  private readonly trees: HeldTrees;

  /** `heldTreeBytes`: how much document text may keep its syntax tree once idle (tests lower it). */
  constructor(heldTreeBytes = HELD_TREE_BYTES) {
    this.trees = new HeldTrees(heldTreeBytes);
  }

  parse(text: string): YamlFile {
    const last = this.last;
    // Checks and rules of one analysis ask for the same text in turn.
    if (last?.file.text === text) return last.file;
    const edit = last ? diffEdit(last.file.text, text) : undefined;
    const lines =
      last && edit
        ? last.file.lines.afterEdit(text, edit.from, edit.oldEnd, edit.newEnd)
        : new LineIndex(text);
    // Chunks kept from the last version carry their parse; new ones reuse the parse of a
    // replaced chunk (or of an equal chunk) with the same text.
    const lineDelta = last ? lines.lineCount - last.file.lines.lineCount : 0;
    const split =
      last && edit
        ? resplit(last.chunks, text, edit, lineDelta)
        : { chunks: splitDocuments(text).map(detached), head: 0, tail: 0 };
    const chunks = split.chunks;
    const tailFrom = chunks.length - split.tail;
    let docsAtHead = 0;
    let docsAtTail = 0;
    let seen: Map<string, ParsedDoc> | undefined;
    const docs: YamlDoc[] = [];
    let marks = 0;
    for (let k = 0; k < chunks.length; k++) {
      if (k === split.head) docsAtHead = docs.length;
      if (k === tailFrom) docsAtTail = docs.length;
      const chunk = chunks[k] as Chunk;
      let parsed = chunk.parsed;
      if (!parsed) {
        seen ??= new Map();
        parsed =
          chunk.replaced?.get(chunk.text) ?? seen.get(chunk.text) ?? new ParsedDoc(chunk.text, this.trees);
        seen.set(chunk.text, parsed);
        chunk.parsed = parsed;
        chunk.replaced = undefined;
      }
      if (chunk.line < 0) chunk.line = lines.positionAt(chunk.offset).line;
      // Blank documents count too: a comment-only one may hold a file-wide suppression.
      marks |= parsed.mentions;
      if (parsed.blank && docs.length > 0) continue;
      let d = chunk.yaml;
      if (!d || d.index !== docs.length || d.offset !== chunk.offset || d.line !== chunk.line) {
        d = chunk.yaml = new YamlDoc(docs.length, chunk.offset, parsed, chunk.line);
      }
      docs.push(d);
    }
    const mentions = {
      suppression: (marks & MENTIONS_SUPPRESSION) !== 0,
      crd: (marks & MENTIONS_CRD) !== 0,
    };
    if (split.head >= chunks.length) docsAtHead = docs.length;
    const version = {};
    let reuse: Reuse | undefined;
    if (last && edit && last.file.version) {
      // Kept chunks make the same documents, except that a blank chunk counts as a document
      // only when it comes first: no suffix without a document before it.
      const suffix = docsAtTail > 0 ? docs.length - docsAtTail : 0;
      reuse = { from: last.file.version, prefix: docsAtHead, suffix, lineDelta };
    }
    const file: YamlFile = { text, lines, docs, mentions, version, reuse };
    this.last = { file, chunks };
    return file;
  }

  /** Drops every tree, so the next use of any parses it again (tests of that path). */
  forgetTrees(): void {
    this.trees.release(0);
    for (const c of this.last?.chunks ?? []) c.parsed?.drop();
  }

  /** How many trees were parsed again on demand so far. */
  get reparsed(): number {
    return this.trees.reparsed;
  }
}

/** What changed between two texts: `[from, oldEnd)` of the old one became `[from, newEnd)`. */
interface Edit {
  from: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Common prefix and suffix, found by halving with native string comparison (a keystroke in a
 * 5 MiB file costs a few memcmp passes, not a character loop).
 */
export function diffEdit(a: string, b: string): Edit {
  const max = Math.min(a.length, b.length);
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  const prefix = lo;
  lo = 0;
  hi = max - prefix;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return { from: prefix, oldEnd: a.length - lo, newEnd: b.length - lo };
}

/**
 * The chunks of the new text: old chunks clear of the edit are kept (those after it shifted),
 * the stretch between them is split again. A chunk boundary depends on the marker line at it
 * (its first four characters and the line break before it, or a whole `...` line before it),
 * so only chunks whose boundaries sit well clear of the edit are kept.
 */
function resplit(
  old: Chunk[],
  text: string,
  e: Edit,
  lineDelta: number,
): { chunks: Chunk[]; head: number; tail: number } {
  const delta = e.newEnd - e.oldEnd;
  const out: Chunk[] = [];
  // Chunks kept before the edit: those ending four characters or more before it (halving).
  let i = 0;
  let top = old.length;
  while (i < top) {
    const mid = (i + top) >> 1;
    const c = old[mid] as Chunk;
    if (c.offset + c.text.length + 4 <= e.from) i = mid + 1;
    else top = mid;
  }
  for (let k = 0; k < i; k++) out.push(old[k] as Chunk);
  const last = i > 0 ? (old[i - 1] as Chunk) : undefined;
  const from = last ? last.offset + last.text.length : 0;
  // The first chunk kept after the edit: the line before it, and the break before that line,
  // must lie after the edit. That break only moves forward from chunk to chunk, so search from
  // the first chunk that starts after the edit (found by halving), not from the end.
  let lo = i;
  let hi = old.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((old[mid] as Chunk).offset > e.oldEnd) hi = mid;
    else lo = mid + 1;
  }
  let j = lo;
  while (j < old.length) {
    const c = old[j] as Chunk;
    const prevBreak = c.offset >= 2 ? lastBreakBefore(old, j - 1, c.offset - 2) : -1;
    if (prevBreak >= e.oldEnd) break;
    j++;
  }
  const to = j < old.length ? (old[j] as Chunk).offset + delta : text.length;
  if (to > from || (out.length === 0 && j === old.length)) {
    // The parses of the chunks replaced, for new chunks with the same text (e.g. a split undone).
    const replaced = new Map<string, ParsedDoc>();
    for (let k = i; k < j; k++) {
      const c = old[k] as Chunk;
      if (c.parsed) replaced.set(c.text, c.parsed);
    }
    for (const c of splitDocuments(text.slice(from, to)))
      out.push({ ...detached({ offset: c.offset + from, text: c.text, line: -1 }), replaced });
  }
  // Chunks after the edit start past every changed line break: they move by whole lines.
  const tail = old.length - j;
  for (; j < old.length; j++) {
    const c = old[j] as Chunk;
    out.push(
      delta === 0 && lineDelta === 0
        ? c
        : { offset: c.offset + delta, text: c.text, parsed: c.parsed, line: c.line + lineDelta },
    );
  }
  return { chunks: out, head: i, tail };
}

/**
 * A chunk whose text is its own copy. A slice keeps the whole text it was cut from alive, and
 * chunks (with every scalar the parser cut from them) outlive many versions of the file: after
 * 40 edits of a 5 MiB file at 40 places, slices would hold 40 versions of it.
 */
function detached(c: Chunk): Chunk {
  return { offset: c.offset, text: ownCopy(c.text), line: -1 };
}

/** A flat copy of `s` (V8 flattens the concatenation, then slices that copy, not the original). */
export function ownCopy(s: string): string {
  return s.length > 12 ? (' ' + s).slice(1) : s;
}

/** Offset of the last line break at or before `at` (old text), read from the chunk holding it. */
function lastBreakBefore(chunks: Chunk[], index: number, at: number): number {
  for (let k = index; k >= 0; k--) {
    const c = chunks[k] as Chunk;
    if (c.offset > at) continue;
    const n = c.text.lastIndexOf('\n', at - c.offset);
    if (n >= 0) return c.offset + n;
  }
  return -1;
}

export function parseYaml(text: string): YamlFile {
  return new YamlCache().parse(text);
}

const PARSE_OPTIONS = { merge: true, prettyErrors: false, uniqueKeys: false, strict: false };

function parseTree(text: string): Document.Parsed {
  const doc =
    fastParseDocument(text, PARSE_OPTIONS) ?? (parseDocument(text, PARSE_OPTIONS) as Document.Parsed);
  addDuplicateKeyErrors(doc);
  return doc;
}

interface Chunk {
  offset: number;
  text: string;
  /** Line of `offset` (-1: not known yet). */
  line: number;
  /** The chunk's parse, once done. */
  parsed?: ParsedDoc;
  /** The document as last handed out (reused while its index and offset hold). */
  yaml?: YamlDoc;
  /** Parses of the chunks this one replaced, until it is parsed. */
  replaced?: Map<string, ParsedDoc>;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    const c = text.charCodeAt(lineStart);
    if ((c === 45 || c === 46) && lineStart > start && MARKER.test(text.slice(lineStart, lineStart + 4))) {
      const isEnd = c === 46;
      // `...` belongs to the document it closes; `---` opens the next one.
      const cut = isEnd ? lineEnd : lineStart;
      chunks.push({ offset: start, text: text.slice(start, cut), line: -1 });
      start = cut;
    }
    if (nl === -1) break;
    lineStart = lineEnd;
  }
  if (start < text.length || chunks.length === 0)
    chunks.push({ offset: start, text: text.slice(start), line: -1 });
  return chunks;
}

export type PathSegment = string | number;

/** Where a path leads in a document: the deepest node that exists along it. */
export interface Located {
  /** True when the whole path exists. */
  found: boolean;
  /** How many segments of the path exist. */
  depth: number;
  /** The map key node of the last existing segment (absent for sequence items and the root). */
  key?: Node;
  /** The value node of the last existing segment. */
  value?: Node;
}

/**
 * Walks map keys and sequence indexes from the root of `doc`, through aliases and `<<` merge
 * keys, so a path into merged values (as `toJS` sees them) lands where the text really is.
 */
export function locate(doc: Document.Parsed, path: readonly PathSegment[]): Located {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = findPair(doc, node, String(seg), 0);
      if (!pair) break;
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      key = undefined;
      node = item;
    } else break;
    depth++;
  }
  return { found: depth === path.length, depth, key, value: (node as Node | null) ?? undefined };
}

/** The pair for `key` in a map: its own first, then the maps merged into it with `<<`. */
function findPair(doc: Document.Parsed, map: YAMLMap, key: string, depth: number): Pair | undefined {
  let merges: unknown[] | undefined;
  for (const p of map.items) {
    if (!isScalar(p.key)) continue;
    const k = p.key.value;
    if (typeof k === 'symbol' || (k === '<<' && p.key.type === 'PLAIN')) (merges ??= []).push(p.value);
    else if (String(k) === key) return p;
  }
  if (!merges || depth > 20) return undefined;
  for (const m of merges) {
    const sources = isSeq(m) ? m.items : [m];
    for (let src of sources) {
      if (isAlias(src)) src = src.resolve(doc);
      if (!isMap(src)) continue;
      const found = findPair(doc, src, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Absolute range of a node of document `d`. */
export function nodeRange(file: YamlFile, d: YamlDoc, node: Node | undefined | null): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return file.lines.range(d.offset + r[0], d.offset + r[1]);
}

/**
 * The range to report for a path: the value where the path exists (or its key when `at` is
 * 'key'), otherwise the key of the deepest existing parent, so a missing field points at the
 * object that lacks it.
 */
export function pathRange(
  file: YamlFile,
  d: YamlDoc,
  path: readonly PathSegment[],
  at: 'key' | 'value' | 'pair' = 'value',
): Range {
  const loc = locate(d.doc, path);
  let r: Range | undefined;
  if (loc.found) {
    if (at === 'key') r = nodeRange(file, d, loc.key) ?? nodeRange(file, d, loc.value);
    else if (at === 'pair' && loc.key) {
      const k = nodeRange(file, d, loc.key);
      const v = nodeRange(file, d, loc.value);
      r = k && v ? { start: k.start, end: v.end } : (k ?? v);
    } else r = nodeRange(file, d, loc.value) ?? nodeRange(file, d, loc.key);
  } else {
    r = nodeRange(file, d, loc.key) ?? firstLineOf(file, d, loc.value);
  }
  return r ?? firstLineOf(file, d, undefined) ?? file.lines.range(d.offset, d.offset);
}

function firstLineOf(file: YamlFile, d: YamlDoc, node: Node | undefined): Range | undefined {
  const start = d.offset + (node?.range?.[0] ?? firstContentOffset(d.text));
  const pos = file.lines.positionAt(start);
  const end = file.lines.lineEnd(pos.line);
  return { start: pos, end: file.lines.positionAt(Math.max(start, end)) };
}

function firstContentOffset(text: string): number {
  const m = /^(?:(?:---|\s*#.*|\s*)(?:\r?\n|$))*/.exec(text);
  return m ? Math.min(m[0].length, text.length) : 0;
}
