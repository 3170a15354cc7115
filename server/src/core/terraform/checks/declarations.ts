import type { Finding, Range } from '../../types';
import { replacedBlocks, type TfBlock, type TfFile, type TfModule } from '../model';
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
  const sources: TfFile[] = [];
  const paths: string[] = [];
  for (const f of ctx.module.files) {
    if (isOverride(f.path)) continue;
    sources.push(f);
    paths.push(f.path);
  }
  const key = paths.join('\u0000');
  const last = lastDuplicates.get(key);
  const state = (last && patchedDuplicates(last, sources, paths)) ?? fullDuplicates(sources, paths);
  lastDuplicates.delete(key);
  lastDuplicates.set(key, state);
  if (lastDuplicates.size > KEPT_MODULES) lastDuplicates.delete(lastDuplicates.keys().next().value as string);
  if (state.repeated.size === 0) return [];
  let out = state.findings.get(ctx.file.path);
  if (!out) state.findings.set(ctx.file.path, (out = duplicateFindings(state, ctx.file.path)));
  return out;
}

/**
 * The last check's declarations, per file and block by position, the keys declared more than
 * once, and the findings made of them per file. A keystroke inside a block replaces that block
 * alone: when it declares the same keys, and neither it nor the block it replaced declares a
 * repeated one, the findings stand (they name only the other blocks' declarations, unchanged),
 * and the check costs a pass over the block lists instead of a look-up of every block's
 * declarations and a walk of all of them.
 */
interface DuplicateState {
  sources: readonly (readonly TfBlock[])[];
  paths: readonly string[];
  lists: (readonly Declaration[])[][];
  repeated: ReadonlySet<string>;
  findings: Map<string, Finding[]>;
}

/** The last state of the last few modules checked, by their files' paths. */
const lastDuplicates = new Map<string, DuplicateState>();
const KEPT_MODULES = 8;

/** Past this many replaced blocks the declarations are gathered again. */
const PATCHED_BLOCKS = 8;

function fullDuplicates(files: readonly TfFile[], paths: readonly string[]): DuplicateState {
  const sources = files.map((f) => f.blocks);
  const lists = sources.map((blocks, i) => blocks.map((b) => blockDeclarations(b, paths[i] as string)));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const file of lists)
    for (const list of file)
      for (const d of list) {
        if (seen.has(d.key)) repeated.add(d.key);
        else seen.add(d.key);
      }
  return { sources, paths, lists, repeated, findings: new Map() };
}

function patchedDuplicates(
  last: DuplicateState,
  files: readonly TfFile[],
  paths: readonly string[],
): DuplicateState | undefined {
  if (files.length !== last.sources.length) return undefined;
  let lists: (readonly Declaration[])[][] | undefined;
  let replaced = 0;
  let findingsStand = true;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as TfFile;
    const now = file.blocks;
    const was = last.sources[i] as readonly TfBlock[];
    if (now === was) continue;
    if (paths[i] !== last.paths[i]) return undefined;
    const changed = replacedBlocks(file, was, PATCHED_BLOCKS);
    if (!changed) return undefined;
    for (const j of changed) {
      if (++replaced > PATCHED_BLOCKS) return undefined;
      const before = (last.lists[i] as (readonly Declaration[])[])[j] as readonly Declaration[];
      const after = blockDeclarations(now[j] as TfBlock, paths[i] as string);
      if (before.length !== after.length) return undefined;
      for (let k = 0; k < after.length; k++) {
        const key = (after[k] as Declaration).key;
        if (key !== (before[k] as Declaration).key) return undefined;
        if (last.repeated.has(key)) findingsStand = false;
      }
      lists ??= last.lists.slice();
      if (lists[i] === last.lists[i]) lists[i] = (last.lists[i] as (readonly Declaration[])[]).slice();
      (lists[i] as (readonly Declaration[])[])[j] = after;
    }
  }
  if (!lists) return last;
  return {
    sources: files.map((f) => f.blocks),
    paths,
    lists,
    repeated: last.repeated,
    findings: findingsStand ? last.findings : new Map(),
  };
}

function duplicateFindings(state: DuplicateState, path: string): Finding[] {
  const byKey = new Map<string, Declaration[]>();
  for (const file of state.lists)
    for (const list of file)
      for (const d of list) {
        if (!state.repeated.has(d.key)) continue;
        const same = byKey.get(d.key);
        if (same) same.push(d);
        else byKey.set(d.key, [d]);
      }
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
    for (const d of list) {
      if (d.file !== path) continue;
      const other = list.find((o) => o !== d);
      if (!other) continue;
      out.push(
        finding(
          'tf/duplicate-declaration',
          d.range,
          `'${key}' is declared more than once; also at ${where(other.file, other.range, path)}.`,
        ),
      );
    }
  }
  return out;
}

function isOverride(path: string): boolean {
  return /(^|[\\/])(override|[^\\/]*_override)\.tf$/.test(path);
}
