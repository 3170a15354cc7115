import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ParsedNode } from 'yaml';

/**
 * A parser for the plain subset of YAML that nearly every manifest and Compose file is written
 * in: block mappings and sequences, plain and quoted one-line scalars (escapes included), literal
 * and folded block scalars, one-line flow sequences, empty flow collections, comments, LF or
 * CRLF line ends. It builds the tree `yaml`'s `parseDocument` builds (the same node classes,
 * values, scalar types and ranges) in about a seventh of the time: `yaml` lexes the text into
 * tokens, parses those into a concrete syntax tree, then composes that into nodes, allocating
 * at every step.
 *
 * Anything outside the subset (anchors, aliases, tags, merge keys, kept block scalars and
 * indentation indicators, multi-line scalars and flow collections, flow mappings with entries,
 * tabs, lone carriage returns, directives, explicit keys, comment lines `yaml` would attach to
 * the node before them, anything `yaml` reports an error or warning for) makes it give up
 * (`undefined`), and the caller parses the text with `yaml`. So it never disagrees with `yaml`
 * on what it accepts: test/unit/fastParse.test.ts compares the two trees on every YAML fixture,
 * example and rule case of the repository and on seeded random edits of them.
 *
 * Not reproduced: comments and blank-line marks on nodes (`comment`, `commentBefore`,
 * `spaceBefore`), which Bulwark never reads (it finds suppression comments in the text), so a
 * fast tree must not be printed back with `toString`.
 */
export function fastParseDocument(text: string, options: FastParseOptions): Document.Parsed | undefined {
  if (UNSUPPORTED_CHARS.test(text) || LONE_CR.test(text)) return undefined;
  try {
    return new FastParser(text, options).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

export interface FastParseOptions {
  merge: boolean;
  prettyErrors: boolean;
  uniqueKeys: boolean;
  strict: boolean;
}

/**
 * Tabs (separators or errors by position), control characters (errors), byte order marks and
 * non-characters: texts with any of them are left to `yaml`. Carriage returns are line ends with
 * the line feed after them (Windows line ends); alone, they are left to `yaml` too.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/;
const LONE_CR = /\r(?!\n)/;

const MAX_DEPTH = 64;

const GIVE_UP = Symbol('give up');
function giveUp(): never {
  throw GIVE_UP;
}

const NL = 10;
/** Only ever followed by NL (see LONE_CR): either one ends a line. */
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const COMMA = 44;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** Characters a plain scalar may not start with (`-` is checked apart: `-1` is a scalar). */
const PLAIN_START_BANNED = new Uint8Array(128);
for (const c of '?:,[]{}#&*!|>\'"%@`') PLAIN_START_BANNED[c.charCodeAt(0)] = 1;

type Tag = {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (s: string, e: (m: string) => void, o: unknown) => unknown;
  format?: string;
};

class FastParser {
  private readonly doc: Document.Parsed;
  private readonly tags: Tag[];
  private readonly n: number;
  /** Collections open around the current position. */
  private depth = 0;
  /** Whether the last `nextContent` went past comment lines. */
  private commentsSkipped = false;

  constructor(
    private readonly t: string,
    options: FastParseOptions,
  ) {
    this.n = t.length;
    this.doc = new Document(undefined, options) as Document.Parsed;
    this.tags = (this.doc.schema as unknown as { tags: Tag[] }).tags;
  }

  document(): Document.Parsed {
    const t = this.t;
    let p = 0;
    if (t.startsWith('---')) {
      const c = t.charCodeAt(3);
      if (!(c === NL || c === CR || c === SPACE || Number.isNaN(c))) giveUp();
      // Only a comment may follow the marker on its line.
      p = this.afterLineRest(3);
      this.doc.directives.docStart = true;
    } else if (t.charCodeAt(0) === 37 /* % */) giveUp();
    const start = this.nextContent(p);
    if (start >= this.n) giveUp(); // an empty document: rare, left to `yaml`
    const indent = start - this.lineStart(start);
    if (indent !== 0) giveUp();
    const contents = this.blockCollection(start, indent);
    const contentEnd = contents.range![2];
    if (this.nextContent(contentEnd) < this.n) giveUp(); // content after the root collection: an error
    this.doc.contents = contents as ParsedNode;
    this.doc.range = [p > 0 ? 0 : start, contentEnd, endsEmpty(contents) ? contentEnd : this.n];
    return this.doc;
  }

  /** `yaml` runs out of stack on deeply nested collections, and reports that as an error. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** A block mapping or sequence whose first entry starts at `p` (column `indent`). */
  private blockCollection(p: number, indent: number): YAMLMap | YAMLSeq {
    return this.isSeqEntry(p) ? this.blockSeq(p, indent) : this.blockMap(p, indent);
  }

  private isSeqEntry(p: number): boolean {
    if (this.t.charCodeAt(p) !== DASH) return false;
    const c = this.t.charCodeAt(p + 1);
    return c === SPACE || c === NL || c === CR || p + 1 >= this.n;
  }

  private blockMap(p: number, indent: number): YAMLMap {
    this.enter();
    const map = new YAMLMap(this.doc.schema);
    let end = p;
    for (;;) {
      end = this.mapEntry(map, p, indent);
      const next = this.nextContent(end);
      if (next >= this.n) break;
      const col = next - this.lineStart(next);
      if (col < indent) break;
      if (col > indent || this.isSeqEntry(next)) giveUp();
      p = next;
    }
    map.range = [(map.items[0]!.key as Scalar).range![0], end, end];
    this.depth--;
    return map;
  }

  /** Parses the entry `key: value` at `p` into `map`; returns where the entry ends. */
  private mapEntry(map: YAMLMap, p: number, indent: number): number {
    const t = this.t;
    const key = this.key(p);
    let q = key.range![1];
    // `key` ends at its colon, which a space or the line's end follows.
    q++;
    while (t.charCodeAt(q) === SPACE) q++;
    const c = t.charCodeAt(q);
    let value: Node;
    if (q >= this.n || c === NL || c === CR || c === HASH) value = this.valueBelow(q, indent, true);
    else value = this.inlineValue(q, indent);
    map.items.push(new Pair(key, value));
    return value.range![2];
  }

  /** An implicit key on one line, its colon included in the check (not in the range). */
  private key(p: number): Scalar {
    const t = this.t;
    const c = t.charCodeAt(p);
    let s: Scalar;
    let e: number;
    if (c === DQUOTE || c === SQUOTE) {
      e = this.quotedEnd(p);
      s = this.scalar(this.unquote(p, e), c === DQUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', p, e, e);
      if (t.charCodeAt(e) !== COLON) giveUp();
    } else {
      if (c < 128 && PLAIN_START_BANNED[c]) giveUp();
      if (c === DASH || c === SPACE) giveUp();
      e = p;
      for (;;) {
        const k = t.charCodeAt(e);
        if (k === COLON) {
          const a = t.charCodeAt(e + 1);
          if (a === SPACE || a === NL || a === CR || e + 1 >= this.n) break;
        } else if (k === NL || k === CR || e >= this.n) giveUp();
        else if (k === HASH && t.charCodeAt(e - 1) === SPACE) giveUp();
        e++;
      }
      let v = e;
      while (t.charCodeAt(v - 1) === SPACE) v--;
      const source = t.slice(p, v);
      if (source === '<<') giveUp(); // merge keys: left to `yaml`
      s = this.plain(source, p, v, v, true);
    }
    const a = t.charCodeAt(e + 1);
    if (!(a === SPACE || a === NL || a === CR || e + 1 >= this.n)) giveUp();
    return s;
  }

  /**
   * The value of a `key:` or `-` with nothing after it on its line (`q`: end of its spaces):
   * the block collection on the lines below, indented more than `indent` (or a sequence at
   * `indent`, under a mapping's key), else an empty scalar.
   */
  private valueBelow(q: number, indent: number, seqAtIndent: boolean): Node {
    const next = this.nextContent(q);
    if (next < this.n) {
      const col = next - this.lineStart(next);
      if (col > indent || (seqAtIndent && col === indent && this.isSeqEntry(next))) {
        if (col > indent && !this.isSeqEntry(next) && !this.hasImplicitKey(next)) giveUp();
        return this.blockCollection(next, col);
      }
    }
    // An empty value: `yaml` places it at the end of the line's spaces, where it also ends.
    // Comments after it would extend it: left to `yaml`.
    if (this.t.charCodeAt(q) === HASH || this.commentsSkipped) giveUp();
    return this.plain('', q, q, q, false);
  }

  private blockSeq(p: number, indent: number): YAMLSeq {
    this.enter();
    const t = this.t;
    const seq = new YAMLSeq(this.doc.schema);
    const first = p;
    let end = p;
    for (;;) {
      let q = p + 1;
      while (t.charCodeAt(q) === SPACE) q++;
      const c = t.charCodeAt(q);
      let item: Node;
      if (q >= this.n || c === NL || c === CR || c === HASH) item = this.valueBelow(q, indent, false);
      else if (this.isSeqEntry(q)) item = this.blockSeq(q, q - this.lineStart(q));
      else if (this.hasImplicitKey(q)) item = this.blockMap(q, q - this.lineStart(q));
      else item = this.inlineValue(q, indent);
      seq.items.push(item);
      end = item.range![2];
      const next = this.nextContent(end);
      if (next >= this.n) break;
      const col = next - this.lineStart(next);
      if (col < indent) break;
      if (col > indent || !this.isSeqEntry(next)) {
        // A mapping key at the sequence's column ends a sequence nested under that key.
        if (col === indent && !this.isSeqEntry(next)) break;
        giveUp();
      }
      p = next;
    }
    seq.range = [first, end, end];
    this.depth--;
    return seq;
  }

  /** Whether the line from `p` holds `key:` followed by a space or the line's end. */
  private hasImplicitKey(p: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const e = this.quotedEndOrNone(p);
      if (e < 0 || t.charCodeAt(e) !== COLON) return false;
      const a = t.charCodeAt(e + 1);
      return a === SPACE || a === NL || a === CR || e + 1 >= this.n;
    }
    if (c === LBRACKET || c === LBRACE) return false;
    for (let e = p; e < this.n; e++) {
      const k = t.charCodeAt(e);
      if (k === NL || k === CR) return false;
      if (k === COLON) {
        const a = t.charCodeAt(e + 1);
        if (a === SPACE || a === NL || a === CR || e + 1 >= this.n) return true;
      } else if (k === HASH && t.charCodeAt(e - 1) === SPACE) return false;
    }
    return false;
  }

  /**
   * A scalar or flow collection that starts at `q` and ends on its line, or a block scalar
   * whose header is there, its lines indented more than `indent`.
   */
  private inlineValue(q: number, indent: number): Node {
    const t = this.t;
    const c = t.charCodeAt(q);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(q, indent);
    if (c === LBRACKET || c === LBRACE) {
      const node = this.flow(q);
      const e = node.range![1];
      node.range![2] = this.afterLineRest(e);
      return node;
    }
    if (c === DQUOTE || c === SQUOTE) {
      const e = this.quotedEnd(q);
      return this.scalar(
        this.unquote(q, e),
        c === DQUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE',
        q,
        e,
        this.afterLineRest(e),
      );
    }
    if (c < 128 && PLAIN_START_BANNED[c]) giveUp();
    if (c === DASH && t.charCodeAt(q + 1) === SPACE) giveUp();
    let e = q;
    for (; e < this.n; e++) {
      const k = t.charCodeAt(e);
      if (k === NL || k === CR) break;
      if (k === HASH && t.charCodeAt(e - 1) === SPACE) break;
      if (k === COLON) {
        const a = t.charCodeAt(e + 1);
        if (a === SPACE || a === NL || a === CR || e + 1 >= this.n) giveUp();
      }
    }
    let v = e;
    while (t.charCodeAt(v - 1) === SPACE) v--;
    return this.plain(t.slice(q, v), q, v, this.afterLineRest(v), false);
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, clipped or stripped (`-`), with its header at
   * `h`. Kept (`+`) chomping, indentation indicators, header comments, spaces-only lines that
   * could be content, and folded lines indented deeper than the rest are left to `yaml`.
   */
  private blockScalar(h: number, indent: number): Scalar {
    const t = this.t;
    const folded = t.charCodeAt(h) === 62;
    let p = h + 1;
    const strip = t.charCodeAt(p) === DASH;
    if (strip) p++;
    if (t.charCodeAt(p) === CR) p++;
    if (t.charCodeAt(p) !== NL) giveUp();
    p++;
    let blockIndent = -1;
    let value = '';
    let end = p;
    let empties = 0;
    let lines = 0;
    while (p < this.n) {
      let q = p;
      while (t.charCodeAt(q) === SPACE) q++;
      const c = t.charCodeAt(q);
      if (c === NL || c === CR || q >= this.n) {
        if (q > p) giveUp(); // a spaces-only line: content or not, by its length
        if (q >= this.n) break;
        empties++;
        p = q + (c === CR ? 2 : 1);
        continue;
      }
      const col = q - p;
      if (blockIndent < 0) {
        if (col <= indent) break;
        blockIndent = col;
      } else if (col < blockIndent) break;
      else if (folded && col > blockIndent) giveUp();
      let nl = t.indexOf('\n', q);
      if (nl < 0) nl = this.n;
      const line = t.slice(p + blockIndent, t.charCodeAt(nl - 1) === CR ? nl - 1 : nl);
      if (lines === 0) value = '\n'.repeat(empties) + line;
      else if (folded) value += (empties === 0 ? ' ' : '\n'.repeat(empties)) + line;
      else value += '\n'.repeat(empties + 1) + line;
      lines++;
      empties = 0;
      end = p = nl < this.n ? nl + 1 : this.n;
    }
    if (lines === 0) giveUp(); // an empty block scalar
    if (!strip) value += '\n';
    return this.scalar(value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', h, end, end);
  }

  /** A flow collection on one line, from its bracket at `q`: range [q, after the closer, same]. */
  private flow(q: number): YAMLMap | YAMLSeq {
    this.enter();
    const t = this.t;
    const isSeq = t.charCodeAt(q) === LBRACKET;
    const close = isSeq ? RBRACKET : RBRACE;
    const node = isSeq ? new YAMLSeq(this.doc.schema) : new YAMLMap(this.doc.schema);
    node.flow = true;
    let p = q + 1;
    for (;;) {
      while (t.charCodeAt(p) === SPACE) p++;
      const c = t.charCodeAt(p);
      if (c === close) break;
      if (!isSeq) giveUp(); // flow mappings with entries: left to `yaml`
      let item: Node;
      if (c === LBRACKET || c === LBRACE) item = this.flow(p);
      else if (c === DQUOTE || c === SQUOTE) {
        const e = this.quotedEnd(p);
        item = this.scalar(this.unquote(p, e), c === DQUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', p, e, e);
      } else {
        if (c < 128 && PLAIN_START_BANNED[c]) giveUp();
        if (c === DASH && t.charCodeAt(p + 1) === SPACE) giveUp();
        let e = p;
        for (;;) {
          const k = t.charCodeAt(e);
          if (k === COMMA || k === close) break;
          if (
            e >= this.n ||
            k === NL ||
            k === CR ||
            k === LBRACKET ||
            k === RBRACKET ||
            k === LBRACE ||
            k === RBRACE
          )
            giveUp();
          if (k === COLON || (k === HASH && t.charCodeAt(e - 1) === SPACE)) giveUp();
          e++;
        }
        let v = e;
        while (t.charCodeAt(v - 1) === SPACE) v--;
        item = this.plain(t.slice(p, v), p, v, v, false);
      }
      (node as YAMLSeq).items.push(item);
      p = item.range![1];
      while (t.charCodeAt(p) === SPACE) p++;
      item.range![2] = p;
      const k = t.charCodeAt(p);
      if (k === COMMA) p++;
      else if (k !== close) giveUp();
    }
    node.range = [q, p + 1, p + 1];
    this.depth--;
    return node;
  }

  /** Index just past the closing quote of the one-line quoted scalar at `q`. */
  private quotedEnd(q: number): number {
    const e = this.quotedEndOrNone(q);
    if (e < 0) giveUp();
    return e;
  }

  private quotedEndOrNone(q: number): number {
    const t = this.t;
    const quote = t.charCodeAt(q);
    for (let e = q + 1; e < this.n; e++) {
      const k = t.charCodeAt(e);
      if (k === NL || k === CR) return -1;
      if (k === quote) {
        if (quote === SQUOTE && t.charCodeAt(e + 1) === SQUOTE) {
          e++;
          continue;
        }
        return e + 1;
      }
      // An escape: the character after the backslash never ends the string (a line break
      // there would continue it on the next line: left to `yaml`).
      if (k === BACKSLASH && quote === DQUOTE) {
        const a = t.charCodeAt(e + 1);
        if (a === NL || a === CR || e + 1 >= this.n) return -1;
        e++;
      }
    }
    return -1;
  }

  private unquote(q: number, e: number): string {
    const inner = this.t.slice(q + 1, e - 1);
    if (this.t.charCodeAt(q) === SQUOTE) return inner.includes("''") ? inner.replaceAll("''", "'") : inner;
    return inner.includes('\\') ? unescapeDoubleQuoted(inner) : inner;
  }

  private scalar(value: string, type: Scalar.Type, s: number, v: number, end: number): Scalar {
    const node = new Scalar(value);
    node.range = [s, v, end];
    node.source = value;
    node.type = type;
    return node;
  }

  /** A plain scalar resolved by the schema's tags, as `yaml` does. */
  private plain(source: string, s: number, v: number, end: number, atKey: boolean): Scalar {
    let node: Scalar | undefined;
    const c = source.charCodeAt(0);
    // Most plain scalars start with a letter no core tag matches: a string.
    const maybeTagged =
      !(((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) && !TAG_LETTERS[c]) || source === '';
    if (maybeTagged) {
      for (const tag of this.tags) {
        if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test?.test(source)) {
          const res = tag.resolve(source, giveUp, this.doc.options);
          node = res instanceof Scalar ? res : new Scalar(res);
          if (tag.format) node.format = tag.format;
          break;
        }
      }
    }
    node ??= new Scalar(source);
    node.range = [s, v, end];
    node.source = source;
    node.type = 'PLAIN';
    return node;
  }

  /** Index after the rest of the line from `p` (spaces and a comment only, else give up). */
  private afterLineRest(p: number): number {
    const t = this.t;
    while (t.charCodeAt(p) === SPACE) p++;
    if (p >= this.n) return this.n;
    const c = t.charCodeAt(p);
    if (c === HASH) {
      if (p > 0 && t.charCodeAt(p - 1) !== SPACE && t.charCodeAt(p - 1) !== NL) giveUp();
      const nl = t.indexOf('\n', p);
      return nl < 0 ? this.n : nl + 1;
    }
    if (c === CR) return p + 2;
    if (c !== NL) giveUp();
    return p + 1;
  }

  /**
   * Start of the next line from `p` with content (not blank, not only a comment); `n` if none.
   * `yaml` attaches a comment line indented deeper than the content line after it to the node
   * before it, extending that node's range: left to `yaml`.
   */
  private nextContent(p: number): number {
    const t = this.t;
    let deepest = -1;
    while (p < this.n) {
      let q = p;
      while (t.charCodeAt(q) === SPACE) q++;
      const c = t.charCodeAt(q);
      if (c === NL) p = q + 1;
      else if (c === CR) p = q + 2;
      else if (c === HASH) {
        if (q - p > deepest) deepest = q - p;
        const nl = t.indexOf('\n', q);
        p = nl < 0 ? this.n : nl + 1;
      } else if (q >= this.n) break;
      else {
        // Document markers end the chunk (the splitter puts them at a chunk's start only).
        if (q === p && (t.startsWith('---', q) || t.startsWith('...', q))) giveUp();
        if (deepest > q - p) giveUp();
        this.commentsSkipped = deepest >= 0;
        return q;
      }
    }
    if (deepest > 0) giveUp();
    this.commentsSkipped = deepest >= 0;
    return this.n;
  }

  private lineStart(p: number): number {
    return this.t.lastIndexOf('\n', p - 1) + 1;
  }
}

/** First letters of the words core tags resolve (null, true, false: n, t, f in either case). */
const TAG_LETTERS = new Uint8Array(128);
for (const c of 'nNtTfF') TAG_LETTERS[c.charCodeAt(0)] = 1;

/** Whether the last node of `node` is an empty scalar (which takes the document's last newlines). */
function endsEmpty(node: Node | null): boolean {
  for (;;) {
    if (node instanceof Scalar) return node.range![0] === node.range![1] && node.source === '';
    if (!(node instanceof YAMLMap || node instanceof YAMLSeq) || node.flow) return false;
    const last: unknown = node.items[node.items.length - 1];
    node = (last instanceof Pair ? last.value : last) as Node | null;
  }
}

/** YAML's escapes of one character in double quotes (a tab after the backslash never gets here). */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_DIGITS = { x: 2, u: 4, U: 8 } as Record<string, number>;
const HEX = /^[0-9a-fA-F]+$/;

/** The value of a one-line double-quoted scalar's text with escapes; an invalid one gives up. */
function unescapeDoubleQuoted(inner: string): string {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = inner[++i] ?? '';
    const one = ESCAPES[next];
    if (one !== undefined) {
      out += one;
      continue;
    }
    const length = HEX_DIGITS[next];
    const hex = length === undefined ? '' : inner.slice(i + 1, i + 1 + length);
    if (length === undefined || hex.length !== length || !HEX.test(hex)) giveUp();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) giveUp();
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}
