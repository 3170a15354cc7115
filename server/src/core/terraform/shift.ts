import type { Range } from '../types';
import type { TfAttribute, TfBlock, TfExpr, TfReference, TfStep } from './model';

/**
 * A copy of a block model `lines` lines further down: what building the same text at the same
 * column there would give. Enter pressed in a 20k-line file moves every block after it by a
 * line; shifting their models costs a walk of plain objects, building them again a copy of
 * their trees out of WASM. Strings and values are shared (models are never changed once made);
 * a reference listed by an expression and by the expressions within it stays one object, as the
 * builder makes it.
 */
export function shiftBlock(b: TfBlock, lines: number): TfBlock {
  return new Shifter(lines).block(b);
}

class Shifter {
  private readonly refs = new Map<TfReference, TfReference>();

  constructor(private readonly lines: number) {}

  range(r: Range): Range {
    return {
      start: { line: r.start.line + this.lines, character: r.start.character },
      end: { line: r.end.line + this.lines, character: r.end.character },
    };
  }

  block(b: TfBlock): TfBlock {
    const out: TfBlock = {
      type: b.type,
      labels: b.labels,
      labelRanges: b.labelRanges.map((r) => this.range(r)),
      range: this.range(b.range),
      typeRange: this.range(b.typeRange),
      headerRange: this.range(b.headerRange),
      attributes: b.attributes.map((a) => this.attribute(a)),
      blocks: b.blocks.map((x) => this.block(x)),
      file: b.file,
    };
    if (b.unclosed !== undefined) out.unclosed = b.unclosed;
    return out;
  }

  attribute(a: TfAttribute): TfAttribute {
    return {
      name: a.name,
      nameRange: this.range(a.nameRange),
      range: this.range(a.range),
      expr: this.expr(a.expr),
    };
  }

  expr(e: TfExpr): TfExpr {
    const out: TfExpr = {
      kind: e.kind,
      text: e.text,
      range: this.range(e.range),
      references: e.references.map((r) => this.reference(r)),
    };
    // Only the keys the builder set: a key set to undefined is another object to deepEqual.
    if (e.items) out.items = e.items.map((x) => this.expr(x));
    if (e.entries)
      out.entries = e.entries.map((x) => ({
        key: x.key,
        keyRange: this.range(x.keyRange),
        value: this.expr(x.value),
      }));
    if ('value' in e) out.value = e.value;
    if (e.parts) out.parts = e.parts.map((p) => (typeof p === 'string' ? p : this.expr(p)));
    if (e.steps) out.steps = e.steps.map((s) => this.step(s));
    if ('callee' in e) out.callee = e.callee;
    if (e.args) out.args = e.args.map((x) => this.expr(x));
    return out;
  }

  step(s: TfStep): TfStep {
    return s.kind === 'index' ? { kind: 'index', expr: this.expr(s.expr) } : s;
  }

  reference(r: TfReference): TfReference {
    let out = this.refs.get(r);
    if (!out) this.refs.set(r, (out = { name: r.name, range: this.range(r.range) }));
    return out;
  }
}
