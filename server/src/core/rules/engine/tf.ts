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
  const all = module.files.flatMap((f) => f.blocks);
  // Rules ask for the blocks of a type once per block they check: filter each type once per run.
  const byKey = new Map<string, TfBlock[]>();
  const blocks = (type: string, label?: string): TfBlock[] => {
    const key = label === undefined ? type : `${type}\u0000${label}`;
    let list = byKey.get(key);
    if (!list) {
      list = all.filter((b) => b.type === type && (label === undefined || b.labels[0] === label));
      byKey.set(key, list);
    }
    return list.slice();
  };
  const foreign = foreignAttributes(module, file);
  for (const rule of rules) {
    const reporter = makeReporter(rule.meta, findings);
    const ctx: TfRuleContext = {
      module,
      file,
      evaluate: (expr) => evaluate(module, expr),
      blocks,
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
  }
  return findings;
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
