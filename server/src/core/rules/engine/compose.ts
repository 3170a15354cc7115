import type { Finding } from '../../types';
import { pathRange, type PathSegment, type YamlFile } from '../../yaml/yamlFile';
import { makeReporter } from '../report';
import type { ComposeRule, ComposeRuleContext, RuleSettings } from '../types';
import { isRecord } from '../k8s/objects';

/** Runs Compose rules on every document of the file whose value is a mapping. */
export function runComposeRules(
  rules: readonly ComposeRule[],
  file: YamlFile,
  config: RuleSettings,
): Finding[] {
  const findings: Finding[] = [];
  for (const doc of file.docs) {
    if (!isRecord(doc.value)) continue;
    const value = doc.value;
    for (const rule of rules) {
      const reporter = makeReporter(rule.meta, findings);
      const range = (p: PathSegment[], at?: 'key' | 'value' | 'pair') => pathRange(file, doc, p, at);
      const ctx: ComposeRuleContext = {
        file,
        doc,
        value,
        report: (p, options = {}) => reporter(range(p, options.at), options),
        range,
        config,
      };
      try {
        rule.check(ctx);
      } catch {
        // A rule that trips over an unusual document must not hide the other findings.
      }
    }
  }
  return findings;
}
