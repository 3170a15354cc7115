import type { LineIndex } from '../text/lineIndex';
import type { Finding, Range } from '../types';
import type { LNode as Node } from './lite';

/** Enough to show where things went wrong without burying the file in red. */
const MAX_FINDINGS = 10;

/**
 * `tf/syntax` findings from tree-sitter's ERROR and MISSING nodes. Only subtrees that contain
 * an error are walked. An unterminated string or unclosed block swallows the rest of the file,
 * so nothing after it is reported.
 */
export function syntaxFindings(root: Node, lines: LineIndex): Finding[] {
  const out: Finding[] = [];
  let stopAt = Infinity;
  let unterminated = Infinity;
  const seenLines = new Set<number>();
  const add = (range: Range, message: string) => {
    if (out.length >= MAX_FINDINGS || seenLines.has(range.start.line)) return;
    seenLines.add(range.start.line);
    out.push({ ruleId: 'tf/syntax', severity: 'error', message, range });
  };

  const visit = (n: Node): void => {
    if (out.length >= MAX_FINDINGS || n.startIndex > stopAt) return;
    if (n.isError) {
      const { range, message } = describeError(n, lines);
      add(range, message);
      return;
    }
    if (n.isMissing) {
      add(missingRange(n, lines), `Missing '${n.type}'.`);
      return;
    }
    if (n.type === 'string_lit' || n.type === 'quoted_template') {
      const open = n.firstChild;
      const close = n.lastChild;
      const startLine = lines.positionAt(n.startIndex).line;
      const endLine = lines.positionAt(n.endIndex).line;
      if (open && (endLine > startLine || close?.isMissing || close?.type !== 'quoted_template_end')) {
        add(
          lines.range(n.startIndex, lines.lineEnd(startLine)),
          'Unterminated string: a quoted string must end on the line it starts.',
        );
        stopAt = Math.min(stopAt, n.startIndex);
        unterminated = Math.min(unterminated, n.startIndex);
        return;
      }
    }
    if (n.type === 'block') {
      const end = n.lastChild;
      if (end?.type !== 'block_end' || end.startIndex === end.endIndex) {
        for (const c of n.children) if (c.type !== 'block_end' && c.hasError) visit(c);
        // An unterminated string inside swallowed the brace: that error is the one to fix.
        if (unterminated < n.startIndex || unterminated > n.endIndex) {
          const u = unclosedBlock(n, lines);
          add(u.range, u.message);
        }
        stopAt = Math.min(stopAt, n.startIndex);
        unterminated = Math.min(unterminated, n.startIndex);
        return;
      }
    }
    if (!n.hasError) return;
    for (const c of n.children) visit(c);
  };
  visit(root);
  return out;
}

function describeError(n: Node, lines: LineIndex): { range: Range; message: string } {
  // The first token the parser could not place, skipping complete sub-expressions it kept.
  // An `=` right after a name is an attribute in progress, not the culprit.
  const kids = n.children;
  const token =
    kids.find(
      (c, i) =>
        c.endIndex > c.startIndex && !c.isNamed && !(c.type === '=' && kids[i - 1]?.type === 'identifier'),
    ) ??
    kids.find((c) => c.endIndex > c.startIndex && c.childCount === 0) ??
    firstLeaf(n);
  const t = token && token.endIndex > token.startIndex ? token : n;
  let text = lines.text.slice(t.startIndex, Math.min(t.endIndex, t.startIndex + 30));
  const nl = text.search(/[\r\n]/);
  if (nl >= 0) text = text.slice(0, nl);
  const end = t.startIndex + Math.max(text.length, 1);
  const range = lines.range(t.startIndex, Math.min(end, lines.text.length));
  return { range, message: text.trim() ? `Unexpected '${text.trim()}'.` : 'Unexpected input.' };
}

function firstLeaf(n: Node): Node | undefined {
  let cur: Node | null = n;
  while (cur && cur.childCount > 0) {
    cur = cur.children.find((c) => c.endIndex > c.startIndex) ?? null;
  }
  return cur ?? undefined;
}

/** A zero-width missing token at a line start reads better at the end of the previous line. */
function missingRange(n: Node, lines: LineIndex): Range {
  const pos = lines.positionAt(n.startIndex);
  const prev = previousNonBlank(lines, pos.character === 0 ? pos.line - 1 : pos.line);
  if (pos.character === 0 && prev >= 0) {
    const e = lines.lineEnd(prev);
    return lines.range(e, e);
  }
  return lines.range(n.startIndex, n.endIndex);
}

function indentOf(lines: LineIndex, line: number): number {
  return /^[ \t]*/.exec(lines.lineText(line))?.[0].length ?? 0;
}

function previousNonBlank(lines: LineIndex, line: number): number {
  for (let l = line; l >= 0; l--) if (lines.lineText(l).trim() !== '') return l;
  return -1;
}

/**
 * Where a block's `}` went missing. The grammar nests everything after it inside the block, so
 * use indentation: a nested block whose `}` sits left of its opener took its parent's brace;
 * otherwise the first line back at the opener's indentation that starts a new block is where
 * the user moved on.
 */
function unclosedBlock(block: Node, lines: LineIndex): { range: Range; message: string } {
  let culprit = block;
  let breakLine = -1;
  let best = Infinity;
  const scan = (n: Node): void => {
    for (const c of n.namedChildren) {
      if (c.type === 'block') {
        const end = c.lastChild;
        if (end?.type === 'block_end' && end.endIndex > end.startIndex) {
          const endPos = lines.positionAt(end.startIndex);
          const openLine = lines.positionAt(c.startIndex).line;
          if (
            endPos.line > openLine &&
            endPos.character < indentOf(lines, openLine) &&
            end.startIndex < best
          ) {
            best = end.startIndex;
            culprit = c;
            breakLine = endPos.line;
          }
        }
      }
      if (c.type === 'block' || c.type === 'body') scan(c);
    }
  };
  scan(block);
  const openLine = lines.positionAt(culprit.startIndex).line;
  const indent = indentOf(lines, openLine);
  const last = breakLine >= 0 ? breakLine : lines.positionAt(block.endIndex).line;
  // Heredoc bodies often sit at column 0: they say nothing about block structure.
  const heredocLines = new Set<number>();
  for (const h of culprit.descendantsOfType('heredoc_template')) {
    const last = lines.positionAt(h.endIndex).line;
    for (let l = lines.positionAt(h.startIndex).line + 1; l <= last; l++) heredocLines.add(l);
  }
  breakLine = -1;
  for (let l = openLine + 1; l <= last; l++) {
    const t = lines.lineText(l).trim();
    if (t === '' || t.startsWith('#') || t.startsWith('//') || heredocLines.has(l)) continue;
    if (indentOf(lines, l) <= indent) {
      breakLine = l;
      break;
    }
  }
  let at = previousNonBlank(lines, (breakLine >= 0 ? breakLine : lines.lineCount) - 1);
  if (at < openLine) at = openLine;
  const text = lines.lineText(at);
  const start = lines.lineStart(at) + (text.length - text.trimStart().length);
  return {
    range: lines.range(start, lines.lineEnd(at)),
    message: `Missing '}': block opened at line ${openLine + 1} is not closed.`,
  };
}
