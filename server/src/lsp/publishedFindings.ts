import type { Diagnostic, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../core/types';

/** What an open document's last publish was computed from. */
interface Basis {
  version: number | undefined;
  text: string;
  findings: readonly Finding[];
  /** The published text as a document, built only when a stale request needs its lines. */
  doc?: TextDocument;
}

/**
 * The findings behind the last diagnostics published for each open document, so quick fixes
 * are looked up here instead of riding in every diagnostic's `data` (on a 20k-line Terraform
 * file that was 0.3 MB of the 1.09 MB sent per keystroke, encoded, sent and parsed each time).
 * Holds the published text too (the same string the analysis read): when the document changed
 * since, a fix is offered only where the lines it touches are still what they were.
 */
export class PublishedFindings {
  private readonly byUri = new Map<string, Basis>();

  /** Findings of an open document's version, analysed from `text`; an empty list forgets it. */
  record(uri: string, version: number | undefined, text: string, findings: readonly Finding[]): void {
    if (findings.length) this.byUri.set(uri, { version, text, findings });
    else this.byUri.delete(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /**
   * The fixes of the published finding a client diagnostic stands for (same rule id and range;
   * the message decides between findings sharing both). Against a newer version of `doc`, only
   * the fixes whose lines (and the finding's) are unchanged at the same line numbers.
   */
  fixesFor(doc: TextDocument, d: Diagnostic, ruleId: string): readonly Fix[] {
    const basis = this.byUri.get(doc.uri);
    if (!basis) return [];
    const finding = lookup(basis.findings, ruleId, d);
    if (!finding?.fixes?.length) return [];
    if (basis.version !== undefined && basis.version === doc.version) return finding.fixes;
    basis.doc ??= TextDocument.create(doc.uri, doc.languageId, basis.version ?? 0, basis.text);
    const then = basis.doc;
    return finding.fixes.filter((fix) => {
      const span = linesOf(finding.range, fix.edits);
      return then.getText(span) === doc.getText(span);
    });
  }
}

function lookup(findings: readonly Finding[], ruleId: string, d: Diagnostic): Finding | undefined {
  let first: Finding | undefined;
  for (const f of findings) {
    if (f.ruleId !== ruleId || !sameRange(f.range, d.range)) continue;
    if (f.message === d.message) return f;
    first ??= f;
  }
  return first;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Whole lines covering the finding and every edit of a fix (to the start of the line after). */
function linesOf(range: Range, edits: readonly { range: Range }[]): Range {
  let first = range.start.line;
  let last = range.end.line;
  for (const e of edits) {
    first = Math.min(first, e.range.start.line);
    last = Math.max(last, e.range.end.line);
  }
  return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
}
