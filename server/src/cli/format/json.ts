import type { Report } from '../report';

/** The documented JSON shape (docs/cli.md): version 1, keys in this order, nothing else. */
export function formatJson(report: Report): string {
  const findings = report.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
  }));
  return JSON.stringify({ version: 1, findings }, null, 2) + '\n';
}
