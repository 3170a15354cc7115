import type { Finding } from '../../types';
import { CORE_BLOCKS } from '../coreSchema';
import { didYouMeanSuffix } from '../../text/didYouMean';
import type { TfBlock } from '../model';
import { BlockLists } from './blockLists';
import { finding, type TfCheckContext } from './context';

const KNOWN = Object.keys(CORE_BLOCKS);

/**
 * Top-level block types, label counts, required and allowed arguments of core blocks, and
 * `count` together with `for_each`.
 */
export function checkCoreBlocks(ctx: TfCheckContext): readonly Finding[] {
  return lists.concat(ctx.file.path, ctx.file, findingsOf);
}

const lists = new BlockLists<Finding>();

function findingsOf(b: TfBlock): Finding[] {
  let found = byBlock.get(b);
  if (!found) byBlock.set(b, (found = checkBlock(b)));
  return found;
}

/**
 * A block's findings depend on the block alone, and the loader hands back the same block object
 * while its text and position are unchanged: an edit re-checks only the block it touched.
 */
const byBlock = new WeakMap<TfBlock, Finding[]>();

function checkBlock(b: TfBlock): Finding[] {
  const out: Finding[] = [];
  const spec = CORE_BLOCKS[b.type];
  if (!spec) {
    out.push(
      finding(
        'tf/unknown-block',
        b.typeRange,
        `Unknown block type '${b.type}'.${didYouMeanSuffix(b.type, KNOWN)}`,
      ),
    );
    return out;
  }
  if (b.labels.length !== spec.labels) out.push(labelFinding(b, spec.labels, spec.labelNames));
  for (const alternatives of spec.required ?? []) {
    if (!alternatives.some((name) => has(b, name))) {
      const what = alternatives.map((a) => `'${a}'`).join(' or ');
      out.push(finding('tf/missing-argument', b.headerRange, `A ${b.type} block requires ${what}.`));
    }
  }
  if (spec.allowed) {
    const allowed = spec.allowed;
    for (const a of b.attributes) {
      if (!allowed.includes(a.name)) out.push(unknownArgument(b, a.name, a.nameRange, allowed));
    }
    for (const nested of b.blocks) {
      if (!allowed.includes(nested.type))
        out.push(unknownArgument(b, nested.type, nested.typeRange, allowed));
    }
  }
  if (b.type === 'resource' || b.type === 'data' || b.type === 'module' || b.type === 'ephemeral') {
    const count = b.attributes.find((a) => a.name === 'count');
    const forEach = b.attributes.find((a) => a.name === 'for_each');
    if (count && forEach) {
      const later = count.range.start.line > forEach.range.start.line ? count : forEach;
      out.push(
        finding(
          'tf/count-and-for-each',
          later.nameRange,
          `'count' and 'for_each' cannot both be set on the same ${b.type}.`,
        ),
      );
    }
  }
  return out;
}

function has(b: TfBlock, name: string): boolean {
  return b.attributes.some((a) => a.name === name) || b.blocks.some((n) => n.type === name);
}

function labelFinding(b: TfBlock, expected: number, names: string[] = []) {
  const got = b.labels.length;
  const range = got > expected ? (b.labelRanges[expected] ?? b.headerRange) : b.headerRange;
  const wanted =
    expected === 0 ? 'no labels' : `${expected} label${expected > 1 ? 's' : ''} (${names.join(', ')})`;
  return finding('tf/block-labels', range, `A ${b.type} block takes ${wanted}, found ${got}.`);
}

function unknownArgument(b: TfBlock, name: string, range: TfBlock['range'], allowed: string[]) {
  return finding(
    'tf/unknown-argument',
    range,
    `Unknown argument '${name}' in a ${b.type} block.${didYouMeanSuffix(name, allowed)}`,
  );
}
