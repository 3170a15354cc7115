import type { TfAttribute, TfBlock, TfFile, TfModule, TfReference } from '../terraform/model';
import type { Position, Range } from '../types';

/** What the cursor is on in a .tf file. */
export type TfSpot =
  | { kind: 'blockType'; block: TfBlock; parents: TfBlock[]; range: Range }
  | { kind: 'label'; block: TfBlock; index: number; range: Range }
  | { kind: 'attribute'; attr: TfAttribute; block: TfBlock; parents: TfBlock[]; range: Range }
  | { kind: 'reference'; ref: TfReference; block: TfBlock; range: Range };

export function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

export function tfSpotAt(file: TfFile, pos: Position): TfSpot | undefined {
  const walk = (blocks: TfBlock[], parents: TfBlock[]): TfSpot | undefined => {
    for (const b of blocks) {
      if (!contains(b.range, pos)) continue;
      if (contains(b.typeRange, pos)) return { kind: 'blockType', block: b, parents, range: b.typeRange };
      const li = b.labelRanges.findIndex((r) => contains(r, pos));
      if (li >= 0) return { kind: 'label', block: b, index: li, range: b.labelRanges[li]! };
      for (const a of b.attributes) {
        if (!contains(a.range, pos)) continue;
        if (contains(a.nameRange, pos))
          return { kind: 'attribute', attr: a, block: b, parents, range: a.nameRange };
        const ref = a.expr.references.find((r) => contains(r.range, pos));
        if (ref) return { kind: 'reference', ref, block: b, range: ref.range };
        return undefined;
      }
      return walk(b.blocks, [...parents, b]);
    }
    return undefined;
  };
  return walk(file.blocks, []);
}

/** A declaration a reference can point at. */
export interface TfDeclaration {
  /** `var.region`, `local.tags`, `module.net`, `aws_s3_bucket.logs`, `data.aws_ami.ubuntu`. */
  address: string;
  file: string;
  /** The whole block (or `name = value` for a local). */
  range: Range;
  /** The name: the last label, or the local's name. */
  selectionRange: Range;
  block: TfBlock;
  attr?: TfAttribute;
}

/** The address a top-level block declares, if it declares one. */
export function blockAddress(b: TfBlock): string | undefined {
  const [a, c] = b.labels;
  switch (b.type) {
    case 'variable':
      return a !== undefined ? `var.${a}` : undefined;
    case 'module':
      return a !== undefined ? `module.${a}` : undefined;
    case 'output':
      return a !== undefined ? `output.${a}` : undefined;
    case 'resource':
      return a !== undefined && c !== undefined ? `${a}.${c}` : undefined;
    case 'data':
    case 'ephemeral':
      return a !== undefined && c !== undefined ? `${b.type}.${a}.${c}` : undefined;
    case 'provider':
      return a !== undefined ? `provider.${a}` : undefined;
    default:
      return undefined;
  }
}

/** Every referencable declaration of the module folder. */
export function declarations(module: TfModule): TfDeclaration[] {
  const out: TfDeclaration[] = [];
  for (const f of module.files) {
    for (const b of f.blocks) {
      if (b.type === 'locals') {
        for (const a of b.attributes) {
          out.push({
            address: `local.${a.name}`,
            file: f.path,
            range: a.range,
            selectionRange: a.nameRange,
            block: b,
            attr: a,
          });
        }
        continue;
      }
      const address = blockAddress(b);
      if (!address || address.startsWith('output.') || address.startsWith('provider.')) continue;
      const sel = b.labelRanges.at(-1) ?? b.typeRange;
      out.push({ address, file: f.path, range: b.range, selectionRange: sel, block: b });
    }
  }
  return out;
}

/** The declared address a traversal starts with: `aws_s3_bucket.b.id` -> `aws_s3_bucket.b`. */
export function referencedAddress(name: string): string {
  const parts = name.split('.');
  const n = parts[0] === 'data' || parts[0] === 'ephemeral' ? 3 : 2;
  return parts.slice(0, n).join('.');
}

export function findDeclaration(module: TfModule, address: string): TfDeclaration | undefined {
  return declarations(module).find((d) => d.address === address);
}

/** A use of a declaration, with the range of the address part only (`var.x` of `var.x.y`). */
export interface TfUse {
  file: string;
  range: Range;
}

/** Every reference to `address` in the module folder. */
export function referencesTo(module: TfModule, address: string): TfUse[] {
  const out: TfUse[] = [];
  const visit = (file: string, b: TfBlock) => {
    for (const a of b.attributes) {
      for (const r of a.expr.references) {
        if (referencedAddress(r.name) !== address) continue;
        out.push({ file, range: addressRange(r, address) });
      }
    }
    for (const c of b.blocks) visit(file, c);
  };
  for (const f of module.files) for (const b of f.blocks) visit(f.path, b);
  return out;
}

function addressRange(r: TfReference, address: string): Range {
  const { start, end } = r.range;
  if (start.line !== end.line) return r.range;
  return {
    start,
    end: { line: start.line, character: Math.min(end.character, start.character + address.length) },
  };
}

/** The declaration at the cursor: on a block's labels or type, or a local's name. */
export function declarationAt(module: TfModule, path: string, pos: Position): TfDeclaration | undefined {
  return declarations(module).find(
    (d) =>
      d.file === path &&
      (contains(d.selectionRange, pos) ||
        (d.attr === undefined &&
          (contains(d.block.typeRange, pos) || d.block.labelRanges.some((r) => contains(r, pos))))),
  );
}
