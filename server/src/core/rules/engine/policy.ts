import type { RuleLevel } from '../../config/config';
import { applySuppressions, type CommentLanguage, type ScopedSuppression } from '../../suppress/suppress';
import type { LineIndex } from '../../text/lineIndex';
import type { Finding } from '../../types';

export interface PolicyOptions {
  text: string;
  lang: CommentLanguage;
  domain: string;
  levels: Record<string, RuleLevel>;
  scopes?: ScopedSuppression[];
  /** See `SuppressOptions`: what the caller already knows of `text`. */
  lines?: LineIndex;
  commentFree?: boolean;
}

/**
 * Applies suppressions, then the configured levels (`off` drops a finding, a severity replaces
 * the default). Levels apply to schema findings and suppression hints as well as to rules.
 */
export function applyPolicy(findings: Finding[], o: PolicyOptions): Finding[] {
  const kept = applySuppressions(findings, {
    text: o.text,
    lang: o.lang,
    domain: o.domain,
    scopes: o.scopes,
    lines: o.lines,
    commentFree: o.commentFree,
    isActive: (id) => o.levels[id] !== 'off',
  });
  const out: Finding[] = [];
  for (const f of kept) {
    const level = o.levels[f.ruleId];
    if (level === 'off') continue;
    out.push(level && level !== f.severity ? { ...f, severity: level } : f);
  }
  return out;
}
