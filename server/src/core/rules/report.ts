import type { Finding, Range } from '../types';
import type { ReportOptions, RuleMeta } from './types';

/** A `report` function that turns a rule's call into a finding with the rule's id and severity. */
export function makeReporter(
  meta: RuleMeta,
  out: Finding[],
): (range: Range, options?: ReportOptions) => void {
  return (range, options = {}) => {
    const f: Finding = {
      ruleId: meta.id,
      severity: meta.severity,
      message: options.message ?? meta.title,
      range,
    };
    if (options.fixes?.length) f.fixes = options.fixes;
    out.push(f);
  };
}
