import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/types';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl, type DiagnosticData } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A core finding as an LSP diagnostic; its fixes ride along in `data` for the code-action handler. */
export function toDiagnostic(f: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId };
  if (f.fixes?.length) data.fixes = f.fixes;
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message: f.message,
    data,
  };
}
