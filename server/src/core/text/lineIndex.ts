import type { Position, Range } from '../types';

/**
 * Maps UTF-16 offsets to zero-based line/character positions and back.
 * Built once per text; lookups are binary searches.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts ?? [0];
    if (!starts) scanLineStarts(text, 0, text.length, this.starts);
  }

  /**
   * The index of `text`, which equals the indexed text except that `[from, oldEnd)` became
   * `[from, newEnd)`: line starts outside the edit are reused (shifted), only the edit is scanned.
   */
  afterEdit(text: string, from: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const old = this.starts;
    const starts: number[] = [];
    // A start is set by the break before it (`\r\n` counts once): those from the edit's line on are rescanned.
    let i = 0;
    while (i < old.length && (old[i] ?? 0) < from - 1) starts.push(old[i++] ?? 0);
    const scanFrom = starts.length > 0 ? (starts[starts.length - 1] ?? 0) : 0;
    if (starts.length === 0) starts.push(0);
    scanLineStarts(text, scanFrom, Math.min(text.length, newEnd + 2), starts, newEnd + 2);
    while (i < old.length && (old[i] ?? 0) <= oldEnd + 2) i++;
    for (; i < old.length; i++) starts.push((old[i] ?? 0) + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] ?? this.text.length;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(pos.line);
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

/** Appends the starts of lines that begin after a break at `[from, to)`, up to `max`. */
function scanLineStarts(text: string, from: number, to: number, starts: number[], max = Infinity): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i + 1 <= max) starts.push(i + 1);
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 <= max) starts.push(i + 1);
    }
  }
}
