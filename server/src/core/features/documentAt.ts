import type { Position } from '../types';
import type { YamlDoc, YamlFile } from '../yaml/yamlFile';

/**
 * The document of a file that holds `offset`: a binary search over document offsets (a 20k-line
 * manifest has a thousand documents, and every hover and completion asks).
 */
export function documentAt(file: YamlFile, offset: number): YamlDoc | undefined {
  const docs = file.docs;
  let lo = 0;
  let hi = docs.length - 1;
  if (hi < 0 || docs[0]!.offset > offset) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (docs[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return docs[lo];
}

/** The lines of the document around a position, as completion reads them. */
export interface DocumentLines {
  /** The lines, from the document's opening marker line (or the file's start) to its end. */
  lines: string[];
  /** File line of `lines[0]`. */
  firstLine: number;
  /** The position with its line made relative to `lines`. */
  pos: Position;
}

const MARKER = /^(?:---|\.\.\.)(?:\s|$)/;

/**
 * The lines of the YAML document the position is in: from the nearest `---` / `...` line above
 * (included) to the next one below (excluded). Completion reads indentation no further than a
 * document marker in either direction, so this window gives the same answers as the whole file
 * while costing the size of one document instead of the whole text.
 */
export function documentLines(file: YamlFile, pos: Position): DocumentLines {
  const index = file.lines;
  const last = index.lineCount - 1;
  const line = Math.max(0, Math.min(pos.line, last));
  // On a marker line itself, reading upward goes on into the document before it.
  let first = line > 0 && MARKER.test(index.lineText(line)) ? line - 1 : line;
  while (first > 0 && !MARKER.test(index.lineText(first))) first--;
  let end = line + 1;
  while (end <= last && !MARKER.test(index.lineText(end))) end++;
  const lines: string[] = [];
  for (let l = first; l < end; l++) lines.push(index.lineText(l));
  // Past the last line (an empty document): the same empty line a whole-text split gives.
  if (pos.line > last) lines.push('');
  return { lines, firstLine: first, pos: { line: pos.line - first, character: pos.character } };
}

/** The text of one line of `text` (no line break), without splitting the whole text. */
export function lineOf(text: string, line: number): string {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  const raw = nl < 0 ? text.slice(start) : text.slice(start, nl);
  return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
}
