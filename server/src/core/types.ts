/**
 * Shared vocabulary of the pure core. Nothing here may import vscode or LSP packages:
 * the CLI, the language server and the tests all speak these types.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Zero-based line and UTF-16 character offset, the same convention as LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type FileKind = 'kubernetes' | 'compose' | 'terraform' | 'other';

/** A text replacement, offsets as in Range. Used by quick fixes. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  /** Stable id: `k8s/...`, `compose/...`, `tf/...`. Also the LSP diagnostic `code`. */
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Safe automatic fixes, offered as quick fixes by the server. */
  fixes?: Fix[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
