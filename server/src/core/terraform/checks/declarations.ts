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
    if (!includeOverrides && isOverride(f.path)) continue;
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
  const lists: (readonly Declaration[])[] = [];
  for (const f of ctx.module.files) {
    if (isOverride(f.path)) continue;
    for (const b of f.blocks) lists.push(blockDeclarations(b, f.path));
  }
  // Which keys are declared twice follows from the keys alone: while every block declares the
  // same keys as last time (a keystroke inside a block), the answer is the last one.
  const last = lastDuplicates;
  const repeated = last && sameKeys(lists, last.lists) ? last.repeated : repeatedKeys(lists);
  lastDuplicates = { lists, repeated };
  if (repeated.size === 0) return [];
  const byKey = new Map<string, Declaration[]>();
  for (const list of lists)
    for (const d of list) {
      if (!repeated.has(d.key)) continue;
      const same = byKey.get(d.key);
      if (same) same.push(d);
      else byKey.set(d.key, [d]);
    }
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
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

function isOverride(path: string): boolean {
  return /(^|[\\/])(override|[^\\/]*_override)\.tf$/.test(path);
}

let lastDuplicates: { lists: (readonly Declaration[])[]; repeated: ReadonlySet<string> } | undefined;

function repeatedKeys(lists: (readonly Declaration[])[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const list of lists)
    for (const d of list) {
      if (seen.has(d.key)) repeated.add(d.key);
      else seen.add(d.key);
    }
  return repeated;
}

function sameKeys(now: (readonly Declaration[])[], old: (readonly Declaration[])[]): boolean {
  if (now.length !== old.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = now[i] as readonly Declaration[];
    const b = old[i] as readonly Declaration[];
    if (a === b) continue;
    if (a.length !== b.length) return false;
    for (let j = 0; j < a.length; j++) if (a[j]?.key !== b[j]?.key) return false;
  }
  return true;
}
