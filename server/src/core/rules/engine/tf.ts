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
  for (const rule of rules) {
    const reporter = makeReporter(rule.meta, findings);
    const ctx: TfRuleContext = {
      module,
      file,
      evaluate: (expr) => evaluate(module, expr),
      blocks: (type, label) =>
        all.filter((b) => b.type === type && (label === undefined || b.labels[0] === label)),
      report(at, options) {
        if ('file' in at && at.file !== file) return;
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

function tfRange(at: Parameters<TfRuleContext['report']>[0]): Range {
  if ('headerRange' in at) return (at as TfBlock).headerRange;
  if ('range' in at) return at.range;
  return at;
}
