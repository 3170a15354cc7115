import type { Severity } from '../core/types';

/** One finding as every output format sees it: positions already 1-based, path relative. */
export interface Reported {
  /** Relative to the current directory, forward slashes. */
  file: string;
  line: number;
  /** UTF-16 code units + 1. */
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  /** Text of the finding's first line, for SARIF fingerprints (empty for other formats). */
  lineText: string;
}

/** What a check run produced, handed to a formatter. */
export interface Report {
  findings: Reported[];
  /** Number of files handed to the analyzer. */
  filesChecked: number;
  /** Absolute path of the folder relative paths are relative to. */
  cwd: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function compareReported(a: Reported, b: Reported): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

/** Code-unit order, the same on every machine and locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countBySeverity(findings: readonly Reported[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
