import type { EvalReads } from '../../terraform/evaluate';
import {
  replacedBlocks,
  type TfBlock,
  type TfEval,
  type TfExpr,
  type TfFile,
  type TfModule,
} from '../../terraform/model';
import type { Finding, Range } from '../../types';
import { makeReporter } from '../report';
import type { RuleSettings, TfRule, TfRuleContext } from '../types';

/** `reads`, when given, learns whether the evaluation looked variables or locals up. */
export type TfEvaluator = (module: TfModule, expr: TfExpr, reads?: EvalReads) => TfEval;

/**
 * Reuse across runs. Rules read the module through block lists (`ctx.blocks(type, label)`;
 * `evaluate` reads the variables or the locals when it looks one up). Blocks are kept as the
 * same objects while their text and position are (see the Terraform loader), so a list holding
 * the same objects in the same order as before has not changed: each list gets an epoch, a
 * number that changes exactly when the list does. A computation that read lists at some epochs
 * gives the same result while they keep them. That decides for a whole rule (a keystroke in an
 * S3 bucket re-runs the S3 rules, not the EC2 ones), for each block a rule checks in
 * `eachBlock` (a bucket's findings are reused while the bucket and its companions are the same)
 * and for values a rule derives from many blocks (`memo`: the index of a thousand companion
 * resources is not rebuilt when a bucket changes). Touching `ctx.module` reads everything:
 * never reused. A computation that throws is not remembered.
 */
type Reads = Map<string, number>;

/**
 * What the last run of the rules on one file left for the next: the epochs of the lists read,
 * and each rule's record. One per file (the caller keeps them by path), so checking another file
 * of the module in between (the server re-checks siblings after an edit) keeps both files' reuse.
 */
export class TfRuleMemo {
  readonly lists = new Map<string, { list: readonly TfBlock[]; epoch: number }>();
  readonly lastRun = new Map<TfRule, RuleRunRecord>();
  /** The block lists of the last run, by type and first label, and the files' blocks they index. */
  index: { sources: readonly (readonly TfBlock[])[]; byType: TypeIndex } | undefined;
}

type TypeIndex = Map<string, { all: TfBlock[]; byLabel: Map<string, TfBlock[]> }>;

/** Past this many replaced blocks the index is built again rather than patched. */
const PATCHED_BLOCKS = 8;

/**
 * The module's blocks by type and by type and first label, in module order. Built in one pass
 * over every block; after an edit that replaced a few blocks by blocks of the same type and
 * label (a keystroke inside one), the last run's index is patched instead: the pass touched
 * each of the 3,300 blocks of a 20k-line file, about a fifth of a keystroke's core time. The
 * lists touched are copies (the last run's are frozen and compared with), the others the same
 * arrays, which also makes comparing them with their last version instant.
 */
function typeIndex(module: TfModule, memo: TfRuleMemo): TypeIndex {
  const sources = module.files.map((f) => f.blocks);
  const byType = (memo.index && patchedIndex(memo.index, module.files)) ?? buildIndex(sources);
  memo.index = { sources, byType };
  return byType;
}

function buildIndex(sources: readonly (readonly TfBlock[])[]): TypeIndex {
  const byType: TypeIndex = new Map();
  for (const blocks of sources)
    for (const b of blocks) {
      let t = byType.get(b.type);
      if (!t) byType.set(b.type, (t = { all: [], byLabel: new Map() }));
      t.all.push(b);
      const label = b.labels[0];
      if (label === undefined) continue;
      const list = t.byLabel.get(label);
      if (list) list.push(b);
      else t.byLabel.set(label, [b]);
    }
  return byType;
}

function patchedIndex(
  last: NonNullable<TfRuleMemo['index']>,
  files: readonly TfFile[],
): TypeIndex | undefined {
  if (files.length !== last.sources.length) return undefined;
  const replaced: [TfBlock, TfBlock][] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as TfFile;
    const now = file.blocks;
    const was = last.sources[i] as readonly TfBlock[];
    if (now === was) continue;
    const changed = replacedBlocks(file, was, PATCHED_BLOCKS - replaced.length);
    if (!changed) return undefined;
    for (const j of changed) {
      const b = now[j] as TfBlock;
      const a = was[j] as TfBlock;
      if (a.type !== b.type || a.labels[0] !== b.labels[0]) return undefined;
      replaced.push([a, b]);
    }
  }
  if (replaced.length === 0) return last.byType;
  const byType: TypeIndex = new Map(last.byType);
  // The lists touched are copied once per patch (`mine`), then written into.
  const mine = new Set<TfBlock[]>();
  const own = (list: TfBlock[]) => {
    if (mine.has(list)) return list;
    const copy = list.slice();
    mine.add(copy);
    return copy;
  };
  for (const [a, b] of replaced) {
    const t = byType.get(a.type);
    const label = a.labels[0];
    const byLabel = label === undefined ? undefined : t?.byLabel.get(label);
    if (!t || (label !== undefined && !byLabel)) return undefined;
    const all = own(t.all);
    const i = all.indexOf(a);
    if (i < 0) return undefined;
    all[i] = b;
    const entry = { all, byLabel: t.byLabel };
    if (label !== undefined && byLabel) {
      const list = own(byLabel);
      const k = list.indexOf(a);
      if (k < 0) return undefined;
      list[k] = b;
      if (list !== byLabel) entry.byLabel = new Map(t.byLabel).set(label, list);
    }
    byType.set(a.type, entry);
  }
  return byType;
}

let nextEpoch = 1;

/** From how many top-level blocks a module's first check already remembers its blocks one by one. */
const BIG_MODULE_BLOCKS = 300;

/** Runs Terraform rules over a loaded module, reporting only in `file`. */
export function runTfRules(
  rules: readonly TfRule[],
  module: TfModule,
  file: string,
  evaluate: TfEvaluator,
  config: RuleSettings,
  memo: TfRuleMemo = new TfRuleMemo(),
): Finding[] {
  const isForeign = foreignAttributes(module, file);
  // Attributes carry no file: one of another file of the module is not reported here.
  const place = (at: ReportAt) => (('file' in at && at.file !== file) || isForeign(at) ? undefined : file);
  return run(rules, module, { file, place }, evaluate, config, memo).findings;
}

/**
 * Runs the rules once for all the files of the module, each finding placed in the file of what
 * it reports on: for a batch run, which checks every file of a module once (a module of five
 * files was run five times, each run reporting one file's share). Undefined when a finding has
 * no file to go to (an attribute of no file, a bare range) or a rule asked which file is being
 * checked: the caller then runs file by file, as the results must be the same.
 */
export function runTfRulesOnModule(
  rules: readonly TfRule[],
  module: TfModule,
  evaluate: TfEvaluator,
  config: RuleSettings,
): Map<string, Finding[]> | undefined {
  let owners: Map<object, string> | undefined;
  const ownerOf = (at: object): string | null => {
    if (!owners) {
      owners = new Map();
      for (const f of module.files)
        for (const a of attributesOf(f)) if (!owners.has(a)) owners.set(a, f.path);
    }
    return owners.get(at) ?? null;
  };
  const place = (at: ReportAt) => ('file' in at && typeof at.file === 'string' ? at.file : ownerOf(at));
  const out = run(rules, module, { file: null, place }, evaluate, config, new TfRuleMemo());
  if (out.unplaced) return undefined;
  const byFile = new Map<string, Finding[]>(module.files.map((f) => [f.path, []]));
  out.findings.forEach((f, i) => byFile.get(out.files[i] as string)?.push(f));
  return byFile;
}

type ReportAt = Parameters<TfRuleContext['report']>[0];

interface Target {
  /** The file being checked; null: all of them (`ctx.file` then makes the run unplaceable). */
  file: string | null;
  /** The file a finding on `at` goes to; undefined: left out; null: no file can be told. */
  place(at: ReportAt): string | undefined | null;
}

function run(
  rules: readonly TfRule[],
  module: TfModule,
  target: Target,
  evaluate: TfEvaluator,
  config: RuleSettings,
  memo: TfRuleMemo,
): { findings: Finding[]; files: string[]; unplaced: boolean } {
  const findings: Finding[] = [];
  // The file of each finding, by index (module runs); a finding reused from the last run of a
  // file is that file's.
  const files: string[] = [];
  let unplaced = false;
  const file = target.file ?? '';
  // Rules ask for the blocks of a type once per block they check: index them once per run (see
  // `typeIndex`), and name each list by its key on first use. The lists are frozen and shared,
  // so a rule cannot disturb another's view.
  const byType = typeIndex(module, memo);
  const none: TfBlock[] = Object.freeze([]) as unknown as TfBlock[];
  // Rules evaluate the same attributes over and over (count, for_each, bucket names): once per
  // run is enough, the module does not change during it.
  const evaluated = new WeakMap<TfExpr, { value: TfEval; variables: boolean; locals: boolean }>();
  const reads: EvalReads = { variables: false, locals: false };
  const evaluateOnce = (expr: TfExpr) => {
    let v = evaluated.get(expr);
    if (!v) {
      reads.variables = reads.locals = false;
      const value = evaluate(module, expr, reads);
      evaluated.set(expr, (v = { value, variables: reads.variables, locals: reads.locals }));
    }
    return v;
  };
  const settings = JSON.stringify(config ?? null);
  const known = memo.lists;
  const lastRun = memo.lastRun;
  // Each list, with its epoch: compared with its last version once per run, however many rules
  // read it.
  const now = new Map<string, { list: TfBlock[]; epoch: number }>();
  const entryOf = (key: string): { list: TfBlock[]; epoch: number } => {
    let entry = now.get(key);
    if (entry) return entry;
    const zero = key.indexOf('\u0000');
    const t = byType.get(zero < 0 ? key : key.slice(0, zero));
    const list = (zero < 0 ? t?.all : t?.byLabel.get(key.slice(zero + 1))) ?? none;
    Object.freeze(list);
    const was = known.get(key);
    let epoch: number;
    if (was && sameItems(list, was.list)) {
      epoch = was.epoch;
      was.list = list;
    } else known.set(key, { list, epoch: (epoch = nextEpoch++) });
    now.set(key, (entry = { list, epoch }));
    return entry;
  };
  const unchanged = (reads: Reads | undefined): boolean => {
    if (reads) for (const [key, e] of reads) if (entryOf(key).epoch !== e) return false;
    return true;
  };
  let blockCount = 0;
  for (const f of module.files) blockCount += f.blocks.length;
  const big = blockCount >= BIG_MODULE_BLOCKS;
  for (const rule of rules) {
    const before = lastRun.get(rule);
    const sameFile = before?.file === file;
    const comparable = sameFile && before.settings === settings;
    if (comparable && unchanged(before.reads)) {
      for (const f of before.findings) {
        findings.push(f);
        files.push(file);
      }
      continue;
    }
    const own: Finding[] = [];
    const ownFiles: string[] = [];
    const reporter = makeReporter(rule.meta, own);
    const root: Frame = { kind: 'rule', reads: new Map(), opaque: false };
    const state: RunState = {
      stack: [root],
      // Blocks are remembered one by one from the second run of a file on (an edit), or from
      // the first in a big module, where re-checking a rule's every block on the first edit
      // is what reuse avoids: a small file checked once (the CLI) pays nothing for it.
      perBlock: sameFile || big,
      before: comparable ? before : undefined,
      items: undefined,
      memos: undefined,
      own,
      read: (key) => {
        const { list, epoch } = entryOf(key);
        const at = top(state);
        (at.reads ??= new Map()).set(key, epoch);
        return list;
      },
      unchanged,
      ctx: undefined as unknown as TfRuleContext,
    };
    const ctx: RunContext = {
      get module() {
        for (const f of state.stack) f.opaque = true;
        return module;
      },
      get file() {
        if (target.file === null) unplaced = true;
        return file;
      },
      evaluate: (expr) => {
        // Values come from variable defaults and locals: an input when the evaluation read them.
        const { value, variables, locals } = evaluateOnce(expr);
        if (variables) state.read('variable');
        if (locals) state.read('locals');
        return value;
      },
      blocks: (type, label) => state.read(label === undefined ? type : `${type}\u0000${label}`),
      report(at, options) {
        const where = target.place(at);
        if (where === undefined) return;
        if (where === null) {
          unplaced = true;
          return;
        }
        reporter(tfRange(at), options);
        // Findings reused per block (`perBlock`, file by file only) join `own` without a report:
        // they are the checked file's, as the gaps filled here.
        while (ownFiles.length < own.length) ownFiles.push(where);
      },
      config,
      [RUN]: state,
    };
    state.ctx = ctx;
    let completed = false;
    try {
      rule.check(ctx);
      completed = true;
    } catch {
      // A rule that trips over an unusual module must not hide the other findings (and is run
      // again next time: what it read before it threw is not all it would have read).
    }
    for (const [i, f] of own.entries()) {
      findings.push(f);
      files.push(ownFiles[i] ?? file);
    }
    if (completed && !root.opaque)
      lastRun.set(rule, {
        file,
        settings,
        reads: root.reads ?? new Map(),
        findings: own,
        items: state.items,
        memos: state.memos,
      });
    else lastRun.delete(rule);
  }
  return { findings, files, unplaced };
}

/** Each rule's last run on a file: its findings, what it read, and the records of its blocks and memos. */
interface RuleRunRecord {
  file: string;
  settings: string;
  reads: Reads;
  findings: Finding[];
  /** Per-block records (`perBlock`, `eachBlock`), by tag then block. */
  items: Map<string, Map<TfBlock, BlockRecord>> | undefined;
  memos: Map<string, MemoRecord> | undefined;
}

/** A computation in progress: what it read so far (maps made on first use). */
interface Frame {
  kind: 'rule' | 'block' | 'derived' | 'memo';
  reads?: Reads;
  /** For a block: what its `derived` values read (inputs of the rule, not of the block). */
  extra?: Reads;
  derived?: DerivedRecord[];
  /** It read the module itself. */
  opaque: boolean;
}

interface MemoRecord {
  reads: Reads | undefined;
  value: unknown;
}

/** What one block's computation read, derived, reported and returned (see `perBlock`). */
interface BlockRecord extends MemoRecord {
  /** What its `derived` values read. */
  extra: Reads | undefined;
  derived: DerivedRecord[] | undefined;
  findings: Finding[];
}

interface DerivedRecord {
  compute: (ctx: TfRuleContext) => readonly unknown[];
  reads: Reads | undefined;
  result: readonly unknown[];
}

/** A rule's run in progress, found from its context by `eachBlock`, `perBlock`, `derived` and `memo`. */
interface RunState {
  ctx: TfRuleContext;
  stack: Frame[];
  /** Whether blocks are remembered one by one (`perBlock`, `derived`) in this run. */
  perBlock: boolean;
  /** The rule's last run of this file with these settings. */
  before: RuleRunRecord | undefined;
  items: Map<string, Map<TfBlock, BlockRecord>> | undefined;
  memos: Map<string, MemoRecord> | undefined;
  /** Memos whose reads the rule's own frame has. */
  mergedAtRoot?: Set<string>;
  /** The rule's findings so far. */
  own: Finding[];
  /** Reads a block list by key, on behalf of the computation on top of the stack. */
  read(key: string): TfBlock[];
  unchanged(reads: Reads | undefined): boolean;
}

const RUN = Symbol('tf rule run');

type RunContext = TfRuleContext & { [RUN]?: RunState };

function runOf(ctx: TfRuleContext): RunState | undefined {
  return (ctx as RunContext)[RUN];
}

function top(run: RunState): Frame {
  return run.stack[run.stack.length - 1] as Frame;
}

/** Adds `from` to the reads of `frame` (or to its `extra`). */
function merge(frame: Frame, from: Reads | undefined, extra = false): void {
  if (!from || from.size === 0) return;
  const into = extra ? (frame.extra ??= new Map()) : (frame.reads ??= new Map());
  from.forEach((e, key) => into.set(key, e));
}

/** Runs `compute` in a new frame on top of the stack; the frame's reads stay in it. */
function within<T>(run: RunState, frame: Frame, compute: () => T): T {
  run.stack.push(frame);
  try {
    return compute();
  } finally {
    run.stack.pop();
  }
}

/**
 * Runs `check` on each of `list`, reusing a block's findings of the rule's last run when the
 * block is the same object and everything its check read is unchanged: the block lists it asked
 * for (and the variables and locals, if it evaluated something), and the values it looked up
 * through `derived` (e.g. a bucket's companions). So a rule relating each bucket to its
 * companions re-checks, on a keystroke, only the buckets whose block or companions changed.
 * `check` must report only what follows from its block and those reads; `tag` names the loop
 * (unique within the rule). Outside an engine run, a plain loop.
 */
export function eachBlock(
  ctx: TfRuleContext,
  tag: string,
  list: readonly TfBlock[],
  check: (block: TfBlock) => void,
): void {
  for (const b of list) perBlock(ctx, tag, b, check);
}

/**
 * `compute(block)`, remembered across runs of the rule like a block of `eachBlock` (the same
 * reads decide; findings it reports are reported again on reuse): also for what a rule derives
 * from each block of a long list, such as the link of every companion resource. The value is
 * shared between runs: do not change it.
 */
export function perBlock<T>(
  ctx: TfRuleContext,
  tag: string,
  block: TfBlock,
  compute: (block: TfBlock) => T,
): T {
  const run = runOf(ctx);
  if (!run?.perBlock) return compute(block);
  const items = (run.items ??= new Map());
  let seen = items.get(tag);
  if (!seen) items.set(tag, (seen = new Map()));
  // Twice in one run (a rule's own business): not remembered twice.
  if (seen.has(block)) return compute(block);
  const old = run.before?.items?.get(tag)?.get(block);
  if (old && blockStillValid(run, old)) {
    const at = top(run);
    merge(at, old.reads);
    merge(at, old.extra);
    for (const f of old.findings) run.own.push(f);
    seen.set(block, old);
    return old.value as T;
  }
  const frame: Frame = { kind: 'block', opaque: false };
  const from = run.own.length;
  const value = within(run, frame, () => compute(block));
  // Not reached when it threw: its record would be incomplete.
  const at = top(run);
  merge(at, frame.reads);
  merge(at, frame.extra);
  if (frame.opaque) return value;
  seen.set(block, {
    reads: frame.reads,
    extra: frame.extra,
    derived: frame.derived,
    findings: run.own.length > from ? run.own.slice(from) : NO_FINDINGS,
    value,
  });
  return value;
}

const NO_FINDINGS: Finding[] = [];

/**
 * `compute(ctx)`, taken by the block being checked by `eachBlock`/`perBlock` (if any) as one
 * of its inputs in place of what `compute` reads: a later run reuses the block's findings if
 * `compute` would return the same items (same objects or primitives, in order), computing it
 * again only when what it read has changed. For lookups like a bucket's companions, whose
 * index reads every companion of the module while the answer is a few blocks. It must not report.
 */
export function derived<T extends readonly unknown[]>(
  ctx: TfRuleContext,
  compute: (ctx: TfRuleContext) => T,
): T {
  const run = runOf(ctx);
  const item = run && top(run);
  if (!run || item?.kind !== 'block') return compute(ctx);
  const frame: Frame = { kind: 'derived', opaque: false };
  const result = within(run, frame, () => compute(ctx));
  if (frame.opaque) item.opaque = true;
  merge(item, frame.reads, true);
  (item.derived ??= []).push({ compute, reads: frame.reads, result });
  return result;
}

/**
 * `compute()`, once per run of the rule, and reused from its last run while what it read is
 * unchanged: for a value a rule derives from whole lists (an index of companion resources,
 * whether any of them is unresolved). `key` names it within the rule; the value is shared
 * between runs and callers: do not change it. Like `derived`, it must not report.
 */
export function memo<T>(ctx: TfRuleContext, key: string, compute: () => T): T {
  const run = runOf(ctx);
  if (!run) return compute();
  const atRoot = run.stack.length === 1;
  const now = run.memos?.get(key);
  if (now) {
    // Asked again at the rule's own level: what it read is there already.
    if (!(atRoot && run.mergedAtRoot?.has(key))) use(run, key, now, atRoot);
    return now.value as T;
  }
  const done = reusedMemo(run, key);
  if (done) {
    use(run, key, done, atRoot);
    return done.value as T;
  }
  const frame: Frame = { kind: 'memo', opaque: false };
  const value = within(run, frame, compute);
  const record = { reads: frame.reads, value };
  use(run, key, record, atRoot);
  if (!frame.opaque) (run.memos ??= new Map()).set(key, record);
  return value;
}

/** The computation on top of the stack read what the memo read. */
function use(run: RunState, key: string, record: MemoRecord, atRoot: boolean): void {
  merge(top(run), record.reads);
  if (atRoot) (run.mergedAtRoot ??= new Set()).add(key);
}

function reusedMemo(run: RunState, key: string): MemoRecord | undefined {
  const old = run.before?.memos?.get(key);
  if (!old || !run.unchanged(old.reads)) return undefined;
  (run.memos ??= new Map()).set(key, old);
  return old;
}

function blockStillValid(run: RunState, old: BlockRecord): boolean {
  if (!run.unchanged(old.reads)) return false;
  if (!old.derived) return true;
  let recomputed = false;
  for (const d of old.derived) {
    if (run.unchanged(d.reads)) continue;
    const frame: Frame = { kind: 'derived', opaque: false };
    const result = within(run, frame, () => d.compute(run.ctx));
    if (frame.opaque || !sameItems(result, d.result)) return false;
    d.reads = frame.reads;
    recomputed = true;
  }
  if (recomputed) {
    const all: Frame = { kind: 'derived', opaque: false };
    for (const d of old.derived) merge(all, d.reads);
    old.extra = all.reads;
  }
  return true;
}

/** Whether two lists hold the same items (by identity) in the same order. */
export function sameItems(now: readonly unknown[], old: readonly unknown[]): boolean {
  if (now.length !== old.length) return false;
  for (let i = 0; i < now.length; i++) if (now[i] !== old[i]) return false;
  return true;
}

/**
 * Whether an attribute belongs to another file of the module. Each file's attributes (at any
 * depth) are collected once per file model, on the first question: the loader keeps a file's
 * model while its text is unchanged, so only the files that changed are walked again. (Plain
 * sets held through the file: weak ones would make every garbage collection visit each entry.)
 */
function foreignAttributes(module: TfModule, file: string): (at: object) => boolean {
  const others = module.files.filter((f) => f.path !== file);
  if (others.length === 0) return () => false;
  let sets: Set<object>[] | undefined;
  return (at) => (sets ??= others.map(attributesOf)).some((set) => set.has(at));
}

const attributesByFile = new WeakMap<TfFile, Set<object>>();

function attributesOf(f: TfFile): Set<object> {
  let out = attributesByFile.get(f);
  if (out) return out;
  const set = (out = new Set<object>());
  const visit = (b: TfBlock) => {
    for (const a of b.attributes) set.add(a);
    b.blocks.forEach(visit);
  };
  f.blocks.forEach(visit);
  attributesByFile.set(f, set);
  return out;
}

function tfRange(at: Parameters<TfRuleContext['report']>[0]): Range {
  if ('headerRange' in at) return (at as TfBlock).headerRange;
  if ('range' in at) return at.range;
  return at;
}
