import type { Position, Range } from '../types';

/**
 * Maps UTF-16 offsets to zero-based line/character positions and back.
 * Built once per text; lookups are binary searches.
 */
export class LineIndex {
  /** Offsets where lines start; typed, so that an edit copies it with memcpy. */
  private readonly starts: Uint32Array;

  constructor(
    readonly text: string,
    starts?: Uint32Array,
  ) {
    if (starts) this.starts = starts;
    else {
      const found = [0];
      scanLineStarts(text, 0, text.length, found);
      this.starts = Uint32Array.from(found);
    }
  }

  /**
   * The index of `text`, which equals the indexed text except that `[from, oldEnd)` became
   * `[from, newEnd)`: line starts outside the edit are reused (shifted), only the edit is scanned.
   */
  afterEdit(text: string, from: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const old = this.starts;
    // A start is set by the break before it (`\r\n` counts once): those from the edit's line on are rescanned.
    let kept = 0;
    while (kept < old.length && (old[kept] ?? 0) < from - 1) kept++;
    const scanFrom = kept > 0 ? (old[kept - 1] ?? 0) : 0;
    const middle: number[] = kept > 0 ? [] : [0];
    scanLineStarts(text, scanFrom, Math.min(text.length, newEnd + 2), middle, newEnd + 2);
    let rest = kept;
    while (rest < old.length && (old[rest] ?? 0) <= oldEnd + 2) rest++;
    const starts = new Uint32Array(kept + middle.length + (old.length - rest));
    starts.set(old.subarray(0, kept));
    starts.set(middle, kept);
    const at = kept + middle.length;
    if (delta === 0) starts.set(old.subarray(rest), at);
    else for (let i = rest; i < old.length; i++) starts[at + i - rest] = (old[i] ?? 0) + delta;
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
