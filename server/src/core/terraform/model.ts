import type { Range } from '../types';

/**
 * The Terraform module model that checks and rules read: blocks, attributes and expressions with
 * exact ranges, built from the tree-sitter tree of each .tf file.
 */

/** A statically known HCL value. */
export type TfValue = string | number | boolean | null | TfValue[] | { [key: string]: TfValue };

export interface TfExpr {
  /** Syntactic shape of the expression. */
  kind: 'literal' | 'template' | 'reference' | 'tuple' | 'object' | 'call' | 'other';
  /** Source text of the expression. */
  text: string;
  range: Range;
  /** Traversals it mentions, e.g. `var.region`, `aws_s3_bucket.logs.id`, `local.tags`. */
  references: TfReference[];
  /** Elements of a tuple expression, in order. */
  items?: TfExpr[];
  /** Entries of an object expression, in order (keys as written, quotes removed). */
  entries?: { key: string; keyRange: Range; value: TfExpr }[];
  /** Value of a literal (`"a"`, `1`, `-1.5`, `true`, `null`) or of a template without interpolation. */
  value?: TfValue;
  /** Pieces of a template: literal text, or the interpolated expression. Absent when it has `%{}` directives. */
  parts?: (string | TfExpr)[];
  /** For `reference`: the steps after the root name, e.g. `var.a[0].b` -> attr a, index 0, attr b. */
  steps?: TfStep[];
  /** For `call`: the function name (`upper`, `provider::aws::arn_parse`) and its arguments. */
  callee?: string;
  args?: TfExpr[];
}

/** One step of a traversal after its root name. */
export type TfStep = { kind: 'attr'; name: string } | { kind: 'index'; expr: TfExpr } | { kind: 'splat' };

export interface TfReference {
  /** Dotted traversal with index steps dropped: `var.x`, `aws_s3_bucket.b.id`, `module.m.out`. */
  name: string;
  range: Range;
}

export interface TfAttribute {
  name: string;
  nameRange: Range;
  /** Whole `name = value` range. */
  range: Range;
  expr: TfExpr;
}

export interface TfBlock {
  type: string;
  labels: string[];
  labelRanges: Range[];
  /** From the block type to the closing brace. */
  range: Range;
  typeRange: Range;
  /** From the block type to the opening brace: where "missing X" findings point. */
  headerRange: Range;
  attributes: TfAttribute[];
  blocks: TfBlock[];
  /** Path of the file the block is in. */
  file: string;
  /** True when the block's closing brace is missing (a syntax error was reported for it). */
  unclosed?: boolean;
}

export interface TfFile {
  path: string;
  blocks: TfBlock[];
  /** True when the file has syntax errors: its model is a best effort. */
  hasErrors?: boolean;
  /**
   * Set by the loader when `blocks` are the blocks of the file's previous version (`before`)
   * with the one at `index` replaced, a keystroke inside that block: whoever kept something per
   * block of `before` redoes that one, without comparing the 3,300 blocks of a big file. Not
   * enumerable: not part of the model.
   */
  edit?: { before: readonly TfBlock[]; index: number };
}

/**
 * The positions at which `now` holds other blocks than `was` (by identity), ascending; undefined
 * when the lists differ in length or in more than `max` positions. Taken from the loader's note
 * when `was` is the version just before `now`.
 */
export function replacedBlocks(
  now: Pick<TfFile, 'blocks' | 'edit'>,
  was: readonly TfBlock[],
  max: number,
): number[] | undefined {
  const blocks = now.blocks;
  if (blocks === was) return [];
  if (now.edit?.before === was) return [now.edit.index];
  if (blocks.length !== was.length) return undefined;
  const out: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i] === was[i]) continue;
    if (out.length >= max) return undefined;
    out.push(i);
  }
  return out;
}

/** All .tf files of one folder: Terraform's unit of declaration. */
export interface TfModule {
  dir: string;
  files: TfFile[];
}

/** Result of evaluating an expression statically: unknown values make rules stay silent. */
export type TfEval = { known: true; value: TfValue } | { known: false };
