import type { Severity } from '../../core/types';
import { countBySeverity, type Report } from '../report';

export interface TextOptions {
  color: boolean;
  /** Leave out the summary line. */
  quiet: boolean;
}

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

/** Compiler-style lines, `path:line:col severity message [ruleId]`, then a summary. */
export function formatText(report: Report, options: TextOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = report.findings.map(
    (f) =>
      `${paint('1', `${f.file}:${f.line}:${f.column}`)} ${paint(SEVERITY_COLOR[f.severity], f.severity)} ` +
      `${oneLine(f.message)} ${paint('2', `[${f.ruleId}]`)}`,
  );
  if (!options.quiet) {
    const summary = summaryLine(report);
    const c = countBySeverity(report.findings);
    lines.push(c.error > 0 ? paint('1;31', summary) : c.warning > 0 ? paint('1;33', summary) : summary);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/**
 * `N problems (E errors, W warnings, I infos) in F of C files checked`; hints are added only when
 * present; `No problems in C files checked` when clean.
 */
export function summaryLine(report: Report): string {
  const checked = `${plural(report.filesChecked, 'file')} checked`;
  if (report.findings.length === 0) return `No problems in ${checked}`;
  const c = countBySeverity(report.findings);
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.info, 'info')];
  if (c.hint > 0) parts.push(plural(c.hint, 'hint'));
  const files = new Set(report.findings.map((f) => f.file)).size;
  return `${plural(report.findings.length, 'problem')} (${parts.join(', ')}) in ${files} of ${checked}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A message must not break the one-finding-per-line contract. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
