import { DiagnosticSeverity, type CodeDescription, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/types';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../protocol';
import { reusable } from './publishEncoding';

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
  return diagnostic(f, f.range);
}

function diagnostic(f: Finding, range: Diagnostic['range']): Diagnostic {
  let codeDescription = DOCS.get(f.ruleId);
  if (codeDescription === undefined) {
    codeDescription = Object.freeze({ href: ruleDocsUrl(f.ruleId) });
    DOCS.set(f.ruleId, codeDescription);
  }
  return {
    range,
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    codeDescription,
    message: f.message,
  };
}

/**
 * Converts the findings of open documents, handing out the diagnostic objects of the document's
 * previous publish again where a finding says the same thing at the same place. A keystroke
 * changes a few findings of thousands (and the core does not always keep their objects), so
 * most of each publish is the same frozen objects, whose JSON the encoder remembers
 * (publishEncoding.ts). Only the last publish of each open document is kept.
 */
export class OpenDiagnostics {
  private readonly byUri = new Map<
    string,
    { findings: readonly Finding[]; diagnostics: readonly Diagnostic[] }
  >();

  /**
   * Findings come sorted by start (the analyzer sorts them), so the previous publish is walked
   * alongside them; unsorted input only finds fewer diagnostics to reuse. The runs of the very
   * same finding objects at the start and at the end of the last version's list (the core keeps
   * the findings of what an edit did not touch; they are not changed once handed out) take
   * their diagnostics without a comparison.
   */
  convert(uri: string, findings: readonly Finding[]): Diagnostic[] {
    const last = this.byUri.get(uri);
    const before = last?.diagnostics ?? [];
    const was = last?.findings ?? [];
    const n = findings.length;
    const most = Math.min(n, was.length);
    let prefix = 0;
    while (prefix < most && findings[prefix] === was[prefix]) prefix++;
    let suffix = 0;
    while (suffix < most - prefix && findings[n - 1 - suffix] === was[was.length - 1 - suffix]) suffix++;
    const out: Diagnostic[] = before.slice(0, prefix);
    let j = prefix;
    for (let i = prefix; i < n - suffix; i++) {
      const f = findings[i] as Finding;
      const at = f.range.start;
      while (j < before.length && startsBefore(before[j] as Diagnostic, at)) j++;
      let d: Diagnostic | undefined;
      for (let k = j; k < before.length; k++) {
        const c = before[k] as Diagnostic;
        if (c.range.start.line !== at.line || c.range.start.character !== at.character) break;
        if (matches(c, f)) {
          d = c;
          break;
        }
      }
      out.push(d ?? reusable(Object.freeze(diagnostic(f, frozenRange(f.range)))));
    }
    for (let k = before.length - suffix; k < before.length; k++) out.push(before[k] as Diagnostic);
    if (out.length) this.byUri.set(uri, { findings: findings.slice(), diagnostics: out });
    else this.byUri.delete(uri);
    return out;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

function startsBefore(d: Diagnostic, p: Finding['range']['start']): boolean {
  const s = d.range.start;
  return s.line < p.line || (s.line === p.line && s.character < p.character);
}

function matches(d: Diagnostic, f: Finding): boolean {
  const a = d.range.end;
  const b = f.range.end;
  return (
    a.line === b.line &&
    a.character === b.character &&
    d.code === f.ruleId &&
    d.severity === SEVERITY[f.severity] &&
    d.message === f.message
  );
}

/** A frozen copy, so the diagnostic is frozen whole and owns its range (the finding's may be shared). */
function frozenRange(r: Finding['range']): Finding['range'] {
  return Object.freeze({
    start: Object.freeze({ line: r.start.line, character: r.start.character }),
    end: Object.freeze({ line: r.end.line, character: r.end.character }),
  });
}
