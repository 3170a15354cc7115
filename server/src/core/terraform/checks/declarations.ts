import type { Finding, Range } from '../../types';
import type { TfBlock, TfModule } from '../model';
import { finding, where, type TfCheckContext } from './context';

export interface Declaration {
  /** `var.x`, `local.x`, `module.x`, `output.x`, `data.t.n`, `t.n`, `ephemeral.t.n`. */
  key: string;
  file: string;
  range: Range;
}

/** Every declaration of the module, in file order. `_override.tf` files merge rather than declare. */
export function declarations(module: TfModule, includeOverrides = true): Declaration[] {
  const out: Declaration[] = [];
  for (const f of module.files) {
    if (!includeOverrides && /(^|[\\/])(override|[^\\/]*_override)\.tf$/.test(f.path)) continue;
    for (const b of f.blocks) for (const d of blockDeclarations(b, f.path)) out.push(d);
  }
  return out;
}

/**
 * One block's declarations, remembered while the loader keeps the block (its text and place
 * unchanged): a keystroke re-derives only the edited block's. A block belongs to one file.
 */
function blockDeclarations(b: TfBlock, file: string): readonly Declaration[] {
  let known = declarationsByBlock.get(b);
  if (!known) {
    const keys = declarationKeys(b);
    const range = b.labelRanges[b.labelRanges.length - 1] ?? b.headerRange;
    known =
      b.type === 'locals'
        ? keys.map((key, i) => ({ key, file, range: b.attributes[i]?.nameRange ?? range }))
        : keys.map((key) => ({ key, file, range }));
    declarationsByBlock.set(b, known);
  }
  return known;
}

const declarationsByBlock = new WeakMap<TfBlock, readonly Declaration[]>();

/** The keys `declarations()` gives for one top-level block, in the same order. */
export function declarationKeys(b: TfBlock): string[] {
  const name = b.labels[b.labels.length - 1];
  switch (b.type) {
    case 'variable':
    case 'output':
    case 'module':
      return b.labels.length === 1 ? [`${b.type === 'variable' ? 'var' : b.type}.${name}`] : [];
    case 'resource':
    case 'data':
    case 'ephemeral':
      return b.labels.length === 2
        ? [`${b.type === 'resource' ? '' : `${b.type}.`}${b.labels[0]}.${name}`]
        : [];
    case 'locals':
      return b.attributes.map((a) => `local.${a.name}`);
    default:
      return [];
  }
}

/** Same variable, output, local, module, resource or data source declared twice in the folder. */
export function checkDuplicates(ctx: TfCheckContext): Finding[] {
  const byKey = new Map<string, Declaration[]>();
  for (const d of declarations(ctx.module, false)) {
    const list = byKey.get(d.key);
    if (list) list.push(d);
    else byKey.set(d.key, [d]);
  }
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    for (const d of list) {
      if (d.file !== ctx.file.path) continue;
      const other = list.find((o) => o !== d);
      if (!other) continue;
      out.push(
        finding(
          'tf/duplicate-declaration',
          d.range,
          `'${key}' is declared more than once; also at ${where(other.file, other.range, ctx.file.path)}.`,
        ),
      );
    }
  }
  return out;
}
