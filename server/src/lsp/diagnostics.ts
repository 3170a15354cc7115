import { DiagnosticSeverity, type CodeDescription, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/types';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One shared (never mutated) docs link per rule: thousands of diagnostics name a few rules. */
const DOCS = new Map<string, CodeDescription>();

/**
 * A core finding as an LSP diagnostic. Its fixes stay on the server (PublishedFindings): only
 * what the editor shows crosses the wire, on every publish of every version.
 */
export function toDiagnostic(f: Finding): Diagnostic {
  let codeDescription = DOCS.get(f.ruleId);
  if (codeDescription === undefined) {
    codeDescription = { href: ruleDocsUrl(f.ruleId) };
    DOCS.set(f.ruleId, codeDescription);
  }
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    codeDescription,
    message: f.message,
  };
}
