import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../core/types';
import { Commands, DIAGNOSTIC_SOURCE } from '../protocol';
import type { PublishedFindings } from './publishedFindings';

/** The reason placeholder the user overwrites; the core reports suppressions without one. */
export const SUPPRESS_REASON_PLACEHOLDER = 'reason';

/**
 * Quick fixes for the bulwark diagnostics in the request: the finding's own fixes (looked up in
 * the published findings by rule id and range), a suppression comment on the line above, and a
 * link to the rule's docs.
 */
export function codeActions(
  doc: TextDocument,
  params: CodeActionParams,
  published?: PublishedFindings,
): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === '' || k === CodeActionKind.QuickFix)) return [];
  const out: CodeAction[] = [];
  const uri = params.textDocument.uri;
  for (const d of params.context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const ruleId = ruleIdOf(d);
    if (!ruleId) continue;
    const fixes: readonly Fix[] = published?.fixesFor(doc, d, ruleId) ?? [];
    for (const fix of fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fixes.length === 1,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
    out.push(suppressAction(doc, d, ruleId));
    out.push({
      title: `Open docs for ${ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: `Open docs for ${ruleId}`, command: Commands.openRuleDocs, arguments: [ruleId] },
    });
  }
  return out;
}

function ruleIdOf(d: Diagnostic): string | undefined {
  return typeof d.code === 'string' ? d.code : undefined;
}

function suppressAction(doc: TextDocument, d: Diagnostic, ruleId: string): CodeAction {
  const line = Math.min(d.range.start.line, Math.max(0, doc.lineCount - 1));
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const at = { line, character: 0 };
  return {
    title: `Suppress ${ruleId} with a comment`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: {
      changes: {
        [doc.uri]: [
          {
            range: { start: at, end: at },
            newText: `${indent}# bulwark-ignore ${ruleId} -- ${SUPPRESS_REASON_PLACEHOLDER}\n`,
          },
        ],
      },
    },
  };
}
