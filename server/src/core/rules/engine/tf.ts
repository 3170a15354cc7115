import type { TfBlock, TfEval, TfExpr, TfModule } from '../../terraform/model';
import type { Finding, Range } from '../../types';
import { makeReporter } from '../report';
import type { RuleSettings, TfRule, TfRuleContext } from '../types';

export type TfEvaluator = (module: TfModule, expr: TfExpr) => TfEval;

/** Runs Terraform rules over a loaded module, reporting only in `file`. */
export function runTfRules(
  rules: readonly TfRule[],
  module: TfModule,
  file: string,
  evaluate: TfEvaluator,
  config: RuleSettings,
): Finding[] {
  const findings: Finding[] = [];
  // Rules ask for the blocks of a type once per block they check: index them once per run, in
  // one pass. The lists are frozen and shared, so a rule cannot disturb another's view.
  const byKey = new Map<string, TfBlock[]>();
  const add = (key: string, b: TfBlock) => {
    const list = byKey.get(key);
    if (list) list.push(b);
    else byKey.set(key, [b]);
  };
  for (const f of module.files)
    for (const b of f.blocks) {
      add(b.type, b);
      if (b.labels[0] !== undefined) add(`${b.type}\u0000${b.labels[0]}`, b);
    }
  for (const list of byKey.values()) Object.freeze(list);
  const none: TfBlock[] = Object.freeze([]) as unknown as TfBlock[];
  const blocks = (type: string, label?: string): TfBlock[] =>
    byKey.get(label === undefined ? type : `${type}\u0000${label}`) ?? none;
  const foreign = foreignAttributes(module, file);
  // Rules evaluate the same attributes over and over (count, for_each, bucket names): once per
  // run is enough, the module does not change during it.
  const evaluated = new WeakMap<TfExpr, TfEval>();
  const evaluateOnce = (expr: TfExpr): TfEval => {
    let v = evaluated.get(expr);
    if (!v) evaluated.set(expr, (v = evaluate(module, expr)));
    return v;
  };
  const settings = JSON.stringify(config ?? null);
  for (const rule of rules) {
    const before = lastRun.get(rule);
    if (before && before.file === file && before.settings === settings && sameInputs(before.reads, blocks)) {
      for (const f of before.findings) findings.push(f);
      continue;
    }
    const own: Finding[] = [];
    const reporter = makeReporter(rule.meta, own);
    // What the rule reads, so the next run can tell whether it would see anything new.
    let reads: Map<string, readonly TfBlock[]> | undefined = new Map();
    const read = (type: string, label?: string): TfBlock[] => {
      const list = blocks(type, label);
      reads?.set(label === undefined ? type : `${type}\u0000${label}`, list);
      return list;
    };
    const ctx: TfRuleContext = {
      // A rule that walks the module itself reads everything: never reuse its findings.
      get module() {
        reads = undefined;
        return module;
      },
      file,
      evaluate: (expr) => {
        // Values come from variable defaults and locals.
        read('variable');
        read('locals');
        return evaluateOnce(expr);
      },
      blocks: read,
      report(at, options) {
        if ('file' in at && at.file !== file) return;
        // Attributes carry no file: one of another file of the module is not reported here.
        if (foreign.has(at)) return;
        reporter(tfRange(at), options);
      },
      config,
    };
    try {
      rule.check(ctx);
    } catch {
      // A rule that trips over an unusual module must not hide the other findings.
    }
    for (const f of own) findings.push(f);
    if (reads) lastRun.set(rule, { file, settings, reads, findings: own });
    else lastRun.delete(rule);
  }
  return findings;
}

/**
 * Each rule's last run: a rule is a function of the blocks it asked for (by type and label), of
 * the variables and locals when it evaluated something, of the file and of the settings. Blocks
 * are kept as the same objects while their text and position are (see the Terraform loader), so
 * when every list it read holds the same objects in the same order, it would report the same
 * findings: a keystroke in one S3 bucket re-runs the S3 rules, not the EC2 ones. One entry per
 * rule (the last file), so nothing of files analysed earlier is kept alive.
 */
interface RuleRunRecord {
  file: string;
  settings: string;
  reads: Map<string, readonly TfBlock[]>;
  findings: Finding[];
}

const lastRun = new WeakMap<TfRule, RuleRunRecord>();

function sameInputs(
  reads: Map<string, readonly TfBlock[]>,
  blocks: (type: string, label?: string) => TfBlock[],
): boolean {
  for (const [key, old] of reads) {
    const zero = key.indexOf('\u0000');
    const now = zero < 0 ? blocks(key) : blocks(key.slice(0, zero), key.slice(zero + 1));
    if (now.length !== old.length) return false;
    for (let i = 0; i < now.length; i++) if (now[i] !== old[i]) return false;
  }
  return true;
}

/** Every attribute (at any depth) of the module's other files. */
function foreignAttributes(module: TfModule, file: string): WeakSet<object> {
  const out = new WeakSet<object>();
  const visit = (b: TfBlock) => {
    for (const a of b.attributes) out.add(a);
    b.blocks.forEach(visit);
  };
  for (const f of module.files) if (f.path !== file) f.blocks.forEach(visit);
  return out;
}

function tfRange(at: Parameters<TfRuleContext['report']>[0]): Range {
  if ('headerRange' in at) return (at as TfBlock).headerRange;
  if ('range' in at) return at.range;
  return at;
}
