import type { LineIndex } from '../text/lineIndex';
import type { LNode as Node } from './lite';
import type { Range } from '../types';
import type { TfAttribute, TfBlock, TfExpr, TfFile, TfReference, TfStep, TfValue } from './model';

/**
 * Turns a tree-sitter tree of one .tf file into the plain `TfFile` model (no tree nodes leak
 * out, so the model outlives the tree). Offsets come from `startIndex`/`endIndex` (UTF-16, as
 * the text) and are mapped to positions with a LineIndex, so non-ASCII text gets LSP columns.
 */
export function buildFile(
  path: string,
  root: Node,
  lines: LineIndex,
  models?: ReadonlyMap<Node, TfBlock>,
): TfFile {
  const b = new Builder(path, lines, models);
  const body = root.namedChildren.find((c) => c.type === 'body');
  return { path, blocks: body ? b.body(body).blocks : [], hasErrors: root.hasError };
}

/** The model of one top-level block of a file that parsed without errors. */
export function buildBlock(path: string, block: Node, lines: LineIndex): TfBlock {
  return new Builder(path, lines).block(block);
}

/** Traversal steps that may follow a root name inside an expression. */
const POSTFIX = new Set(['get_attr', 'index', 'splat']);

class Builder {
  /** `models`: blocks built already (by node), such as stubs standing for unchanged blocks. */
  constructor(
    private readonly path: string,
    private readonly lines: LineIndex,
    private readonly models?: ReadonlyMap<Node, TfBlock>,
  ) {}

  range(n: Node): Range {
    return this.lines.range(n.startIndex, n.endIndex);
  }

  body(n: Node): { attributes: TfAttribute[]; blocks: TfBlock[] } {
    const attributes: TfAttribute[] = [];
    const blocks: TfBlock[] = [];
    for (const c of n.namedChildren) {
      if (c.type === 'attribute') {
        const a = this.attribute(c);
        if (a) attributes.push(a);
      } else if (c.type === 'block') {
        const block = this.models?.get(c) ?? this.block(c);
        blocks.push(block);
        // A missing `}` nests the rest of the file inside this block: hoist the blocks that
        // start at or left of its own column back to where the user meant them.
        if (block.unclosed) blocks.push(...hoist(block));
      }
    }
    return { attributes, blocks };
  }

  attribute(n: Node): TfAttribute | undefined {
    const name = n.namedChildren.find((c) => c.type === 'identifier');
    const value = n.namedChildren.find((c) => c.type === 'expression');
    if (!name) return undefined;
    const expr = value ? this.expr(value, new Set()) : this.emptyExpr(name.endIndex);
    return { name: name.text, nameRange: this.range(name), range: this.range(n), expr };
  }

  block(n: Node): TfBlock {
    let type = '';
    let typeRange = this.range(n);
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    let headerEnd = n.endIndex;
    let inner: { attributes: TfAttribute[]; blocks: TfBlock[] } = { attributes: [], blocks: [] };
    let unclosed = true;
    for (const c of n.children) {
      if (c.type === 'identifier' && !type) {
        type = c.text;
        typeRange = this.range(c);
      } else if (c.type === 'string_lit' || c.type === 'identifier') {
        labels.push(stringLitValue(c) ?? c.text);
        labelRanges.push(this.range(c));
      } else if (c.type === 'block_start') headerEnd = c.endIndex;
      else if (c.type === 'body') inner = this.body(c);
      else if (c.type === 'block_end') unclosed = c.isMissing || c.endIndex === c.startIndex;
    }
    const range = this.range(n);
    return {
      type,
      labels,
      labelRanges,
      range,
      typeRange,
      headerRange: this.lines.range(n.startIndex, headerEnd),
      attributes: inner.attributes,
      blocks: inner.blocks,
      file: this.path,
      ...(unclosed ? { unclosed } : {}),
    };
  }

  emptyExpr(at: number): TfExpr {
    return { kind: 'other', text: '', range: this.lines.range(at, at), references: [] };
  }

  /**
   * Builds a whole expression: references are collected in one walk, then handed to each
   * sub-expression by offset (walking every sub-expression again would be quadratic in depth).
   */
  expr(n: Node, bound: Set<string>): TfExpr {
    const spans = new Map<TfExpr, [number, number]>();
    const top = this.sub(n, bound, spans);
    const refs: { ref: TfReference; start: number; end: number }[] = [];
    this.collectRefs(n, bound, top.references, refs);
    for (const [e, [start, end]] of spans) {
      if (e === top) continue;
      for (const r of refs) if (r.start >= start && r.end <= end) e.references.push(r.ref);
    }
    return top;
  }

  /** One expression node; `spans` records each built expression's offsets. */
  private sub(n: Node, bound: Set<string>, spans: Map<TfExpr, [number, number]>): TfExpr {
    const e = this.shape(n, bound, spans);
    spans.set(e, [n.startIndex, n.endIndex]);
    return e;
  }

  private shape(n: Node, bound: Set<string>, spans: Map<TfExpr, [number, number]>): TfExpr {
    const references: TfReference[] = [];
    const base = { text: this.lines.text.slice(n.startIndex, n.endIndex), range: this.range(n), references };
    const kids = n.namedChildren.filter((c) => c.type !== 'comment');
    // Parenthesised: `(expr)` keeps the inner shape.
    if (n.type === 'expression' && n.firstChild?.type === '(' && kids.length === 1 && kids[0]) {
      const inner = this.sub(kids[0], bound, spans);
      return { ...inner, ...base };
    }
    const head = n.type === 'expression' ? kids[0] : n;
    const postfix = n.type === 'expression' ? kids.slice(1) : [];
    if (!head) return { kind: 'other', ...base };
    if (head.type === 'literal_value' && postfix.length === 0) {
      const value = literalValue(head);
      return value === undefined ? { kind: 'other', ...base } : { kind: 'literal', ...base, value };
    }
    if (head.type === 'operation' && postfix.length === 0) {
      const value = negativeNumber(head);
      if (value !== undefined) return { kind: 'literal', ...base, value };
    }
    if (head.type === 'template_expr' && postfix.length === 0)
      return { kind: 'template', ...base, ...this.template(head, bound, spans) };
    if (head.type === 'variable_expr' && postfix.every((p) => POSTFIX.has(p.type))) {
      return { kind: 'reference', ...base, steps: this.steps(postfix, bound, spans) };
    }
    if (head.type === 'collection_value' && postfix.length === 0) {
      const coll = head.namedChildren[0];
      if (coll?.type === 'tuple') {
        const items = coll.namedChildren
          .filter((c) => c.type === 'expression')
          .map((c) => this.sub(c, bound, spans));
        return { kind: 'tuple', ...base, items };
      }
      if (coll?.type === 'object')
        return { kind: 'object', ...base, entries: this.entries(coll, bound, spans) };
    }
    if (head.type === 'function_call' && postfix.length === 0) {
      const name = head.namedChildren.find((c) => c.type === 'identifier');
      const argsNode = head.namedChildren.find((c) => c.type === 'function_arguments');
      const args = argsNode
        ? argsNode.namedChildren.filter((c) => c.type === 'expression').map((c) => this.sub(c, bound, spans))
        : [];
      return { kind: 'call', ...base, callee: name?.text ?? '', args };
    }
    return { kind: 'other', ...base };
  }

  steps(postfix: Node[], bound: Set<string>, spans: Map<TfExpr, [number, number]>): TfStep[] {
    const steps: TfStep[] = [];
    for (const p of postfix) {
      if (p.type === 'get_attr') steps.push({ kind: 'attr', name: p.namedChildren[0]?.text ?? '' });
      else if (p.type === 'index') {
        const idx = p.namedChildren[0];
        const e = idx?.namedChildren.find((c) => c.type === 'expression');
        if (e) steps.push({ kind: 'index', expr: this.sub(e, bound, spans) });
        else if (idx?.type === 'legacy_index') {
          // `a.0`: legacy numeric index.
          const num = Number(idx.text.replace(/^\./, ''));
          const r = this.range(idx);
          steps.push({
            kind: 'index',
            expr: { kind: 'literal', text: idx.text, range: r, references: [], value: num },
          });
        }
      } else steps.push({ kind: 'splat' });
    }
    return steps;
  }

  entries(
    obj: Node,
    bound: Set<string>,
    spans: Map<TfExpr, [number, number]>,
  ): NonNullable<TfExpr['entries']> {
    const out: NonNullable<TfExpr['entries']> = [];
    for (const el of obj.namedChildren) {
      if (el.type !== 'object_elem') continue;
      const k = el.namedChildren[0];
      const v = el.namedChildren[1];
      if (!k || !v) continue;
      out.push({ key: objectKey(k) ?? k.text, keyRange: this.range(k), value: this.sub(v, bound, spans) });
    }
    return out;
  }

  template(
    n: Node,
    bound: Set<string>,
    spans: Map<TfExpr, [number, number]>,
  ): Pick<TfExpr, 'value' | 'parts'> {
    const t = n.namedChildren[0];
    if (!t) return {};
    const heredoc = t.type === 'heredoc_template';
    const parts: (string | TfExpr)[] = [];
    if (heredoc) {
      // Literal chunks of a heredoc are split at whitespace by the grammar: take the raw body.
      const ids = t.namedChildren.filter((c) => c.type === 'heredoc_identifier');
      const open = ids[0];
      const close = ids.length > 1 ? ids[ids.length - 1] : undefined;
      if (!open || !close) return {};
      const interps = t.namedChildren.filter(
        (c) => c.type === 'template_interpolation' || c.type === 'template_directive',
      );
      if (interps.some((c) => c.type === 'template_directive')) return {};
      const src = this.lines.text;
      let pos = src.indexOf('\n', open.endIndex) + 1;
      if (pos <= 0) return {};
      for (const i of interps) {
        parts.push(src.slice(pos, i.startIndex));
        const e = i.namedChildren.find((c) => c.type === 'expression');
        if (!e) return {};
        parts.push(this.sub(e, bound, spans));
        pos = i.endIndex;
      }
      const lineStart = src.lastIndexOf('\n', close.startIndex - 1) + 1;
      parts.push(src.slice(pos, Math.max(pos, lineStart)));
      const indented = t.namedChildren.some((c) => c.type === 'heredoc_start' && c.text === '<<-');
      if (indented) return stripIndent(parts);
    } else {
      for (const c of t.namedChildren) {
        if (c.type === 'template_literal') parts.push(unescapeTemplate(c.text));
        else if (c.type === 'template_interpolation') {
          const e = c.namedChildren.find((x) => x.type === 'expression');
          if (!e) return {};
          parts.push(this.sub(e, bound, spans));
        } else if (c.type === 'template_directive') return {};
      }
    }
    const merged = mergeStrings(parts);
    if (merged.every((p) => typeof p === 'string')) return { value: merged.join(''), parts: merged };
    return { parts: merged };
  }

  /** References in `n`, skipping for-iterator names, object keys and function names. */
  collectRefs(
    n: Node,
    bound: Set<string>,
    out: TfReference[],
    spans: { ref: TfReference; start: number; end: number }[],
  ): void {
    if (n.type === 'for_tuple_expr' || n.type === 'for_object_expr') {
      const intro = n.namedChildren.find((c) => c.type === 'for_intro');
      const inner = new Set(bound);
      if (intro) {
        for (const c of intro.namedChildren) {
          if (c.type === 'identifier') inner.add(c.text);
          else this.collectRefs(c, bound, out, spans);
        }
      }
      for (const c of n.namedChildren) if (c !== intro) this.collectRefs(c, inner, out, spans);
      return;
    }
    if (n.type === 'template_for') {
      const start = n.namedChildren.find((c) => c.type === 'template_for_start');
      const inner = new Set(bound);
      if (start) {
        for (const c of start.namedChildren) {
          if (c.type === 'identifier') inner.add(c.text);
          else this.collectRefs(c, bound, out, spans);
        }
      }
      for (const c of n.namedChildren) if (c !== start) this.collectRefs(c, inner, out, spans);
      return;
    }
    if (n.type === 'object_elem') {
      const k = n.namedChildren[0];
      const v = n.namedChildren[1];
      if (k && objectKey(k) === undefined) this.collectRefs(k, bound, out, spans);
      if (v) this.collectRefs(v, bound, out, spans);
      return;
    }
    const kids = n.namedChildren;
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i];
      if (!c) continue;
      if (c.type === 'variable_expr') {
        const root = c.text;
        let name = root;
        let end = c.endIndex;
        let stopped = false;
        for (let j = i + 1; j < kids.length; j++) {
          const p = kids[j];
          if (!p || !POSTFIX.has(p.type)) break;
          if (stopped || p.type === 'splat') {
            stopped = true;
            continue;
          }
          if (p.type === 'get_attr') name += '.' + (p.namedChildren[0]?.text ?? '');
          end = p.endIndex;
        }
        if (!bound.has(root)) {
          const ref = { name, range: this.lines.range(c.startIndex, end) };
          out.push(ref);
          spans.push({ ref, start: c.startIndex, end });
        }
        continue;
      }
      this.collectRefs(c, bound, out, spans);
    }
  }
}

/** Blocks nested in an unclosed block that sit at or left of its column: the user's top level. */
function hoist(block: TfBlock): TfBlock[] {
  const col = block.range.start.character;
  const i = block.blocks.findIndex(
    (b) => b.range.start.character <= col && b.range.start.line > block.range.start.line,
  );
  if (i < 0) return [];
  const moved = block.blocks.splice(i);
  const out: TfBlock[] = [];
  for (const b of moved) {
    out.push(b);
    if (b.unclosed) out.push(...hoist(b));
  }
  return out;
}

/** A bare identifier or a plain string used as an object key; undefined when it is an expression. */
function objectKey(k: Node): string | undefined {
  const kids = k.namedChildren;
  if (kids.length !== 1 || !kids[0]) return undefined;
  const c = kids[0];
  if (c.type === 'variable_expr') return c.text;
  if (c.type === 'literal_value') {
    const v = literalValue(c);
    return typeof v === 'string' ? v : undefined;
  }
  if (c.type === 'template_expr') {
    const q = c.namedChildren[0];
    if (
      q?.type === 'quoted_template' &&
      q.namedChildren.every((x) => x.type !== 'template_interpolation' && x.type !== 'template_directive')
    ) {
      return unescapeTemplate(
        q.namedChildren
          .filter((x) => x.type === 'template_literal')
          .map((x) => x.text)
          .join(''),
      );
    }
  }
  return undefined;
}

function literalValue(n: Node): TfValue | undefined {
  const c = n.namedChildren[0];
  if (!c) return undefined;
  switch (c.type) {
    case 'numeric_lit': {
      const v = Number(c.text);
      return Number.isFinite(v) ? v : undefined;
    }
    case 'bool_lit':
      return c.text === 'true';
    case 'null_lit':
      return null;
    case 'string_lit':
      return stringLitValue(c);
    default:
      return undefined;
  }
}

function negativeNumber(op: Node): number | undefined {
  const u = op.namedChildren[0];
  if (u?.type !== 'unary_operation' || u.firstChild?.type !== '-') return undefined;
  const lit = u.namedChildren[0];
  if (lit?.type !== 'literal_value') return undefined;
  const v = literalValue(lit);
  return typeof v === 'number' ? -v : undefined;
}

function stringLitValue(n: Node): string | undefined {
  if (n.type !== 'string_lit') return undefined;
  return unescapeTemplate(
    n.namedChildren
      .filter((c) => c.type === 'template_literal')
      .map((c) => c.text)
      .join(''),
  );
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** HCL quoted-string escapes, plus `$${` / `%%{` which stand for literal `${` / `%{`. */
function unescapeTemplate(s: string): string {
  return s
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt"\\])/g, (_m, e: string) =>
      e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e),
    )
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

function mergeStrings(parts: (string | TfExpr)[]): (string | TfExpr)[] {
  const out: (string | TfExpr)[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else if (p !== '') out.push(p);
  }
  return out;
}

/** `<<-` heredocs drop the smallest indentation of their lines. */
function stripIndent(parts: (string | TfExpr)[]): Pick<TfExpr, 'value' | 'parts'> {
  if (!parts.every((p) => typeof p === 'string')) return { parts: mergeStrings(parts) };
  const text = parts.join('');
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const min = indents.length ? Math.min(...indents) : 0;
  const value = lines.map((l) => l.slice(Math.min(min, l.length))).join('\n');
  return { value, parts: [value] };
}
