import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { PathSegment, YamlDoc, YamlFile } from '../yaml/yamlFile';
import { documentAt } from './documentAt';

/** What the cursor is on in a YAML file. */
export interface YamlSpot {
  doc: YamlDoc;
  /** Path to the key or value under the cursor (for a key, its own path). */
  path: PathSegment[];
  on: 'key' | 'value';
  /** The scalar or collection under the cursor; file offsets of its text. */
  start: number;
  end: number;
}

/** The key or scalar value under `offset`, through maps and sequences (aliases are not followed). */
export function yamlSpotAt(file: YamlFile, offset: number): YamlSpot | undefined {
  const d = documentAt(file, offset);
  if (!d) return undefined;
  const rel = offset - d.offset;
  const path: PathSegment[] = [];
  let node: unknown = d.doc.contents;
  for (let guard = 0; guard < 200; guard++) {
    if (isMap(node)) {
      let next: unknown;
      for (const p of node.items) {
        if (!isPair(p)) continue;
        const k = p.key as Node | null;
        const key = isScalar(k) ? String(k.value) : undefined;
        if (k?.range && within(k.range, rel) && key !== undefined) {
          return {
            doc: d,
            path: [...path, key],
            on: 'key',
            start: d.offset + k.range[0],
            end: d.offset + k.range[1],
          };
        }
        const v = p.value as Node | null;
        if (v?.range && within(v.range, rel) && key !== undefined) {
          path.push(key);
          next = v;
          break;
        }
      }
      if (next === undefined) return undefined;
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => (it as Node | null)?.range && within((it as Node).range!, rel));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i];
    } else if (isScalar(node) && node.range) {
      return { doc: d, path, on: 'value', start: d.offset + node.range[0], end: d.offset + node.range[1] };
    } else return undefined;
  }
  return undefined;
}

function within(range: readonly number[], offset: number): boolean {
  return range[0]! <= offset && offset <= range[1]!;
}

interface LineShape {
  /** Columns of the `- ` sequence markers that open the line. */
  dashes: number[];
  /** Column where the content after the dashes starts. */
  col: number;
  /** The key when the content is `key:` or `key: value`. */
  key?: string;
  hasValue: boolean;
}

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"{[][^:#]*?))\s*:(?:\s+(.*?))?\s*$/;

function shapeOf(line: string): LineShape | undefined {
  const stripped = line.replace(/\s+#.*$/, '');
  let col = /^ */.exec(stripped)![0].length;
  if (col >= stripped.length || stripped[col] === '#') return undefined;
  const dashes: number[] = [];
  while (stripped[col] === '-' && (stripped[col + 1] === ' ' || col + 1 === stripped.length)) {
    dashes.push(col);
    col += 1 + /^ */.exec(stripped.slice(col + 1))![0].length;
  }
  const m = KEY.exec(stripped.slice(col));
  if (!m) return { dashes, col, hasValue: true };
  const value = m[4];
  return {
    dashes,
    col,
    key: m[1] ?? m[2] ?? m[3],
    hasValue: value !== undefined && value !== '' && value !== '|' && value !== '>',
  };
}

/**
 * The path of the mapping a key typed at column `col` of line `line` belongs to, read from the
 * indentation of the lines above (the text may not parse while the user types). Sequence items
 * count as index 0: only the schema is looked up with it. Undefined inside flow collections and
 * block scalars it cannot follow.
 */
export function parentPathAt(
  lines: readonly string[],
  line: number,
  col: number,
  /** Column of the `- ` when the cursor's own line opens a sequence item (`- |`). */
  dashCol?: number,
): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let want = dashCol ?? col;
  let inSeq = dashCol !== undefined;
  if (inSeq) path.unshift(0);
  for (let l = line - 1; l >= 0; l--) {
    const text = lines[l]!;
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(text)) break;
    const s = shapeOf(text);
    if (!s) continue;
    const lastDash = s.dashes.at(-1);
    if (inSeq) {
      if (lastDash === want || s.col > want) continue; // a sibling item, or inside one
      if (s.key === undefined || s.hasValue || s.col > want) return undefined;
      path.unshift(s.key);
      inSeq = false;
      if (lastDash !== undefined) {
        path.unshift(0);
        want = lastDash;
        inSeq = true;
      } else want = s.col;
      continue;
    }
    if (s.col > want) continue;
    if (s.col === want) {
      if (lastDash !== undefined) {
        // The mapping we are in started as this sequence item.
        path.unshift(0);
        for (let i = s.dashes.length - 2; i >= 0; i--) path.unshift(0);
        want = s.dashes[0]!;
        inSeq = true;
      }
      continue;
    }
    if (s.key === undefined || s.hasValue) return undefined;
    path.unshift(s.key);
    if (lastDash !== undefined) {
      path.unshift(0);
      want = lastDash;
      inSeq = true;
    } else want = s.col;
    if (want === 0 && !inSeq) return path;
  }
  return want === 0 || inSeq ? path : undefined;
}

/** Keys already present in the mapping a key at `col` of `line` belongs to (so completion skips them). */
export function siblingKeys(
  lines: readonly string[],
  line: number,
  col: number,
  opensItem: boolean,
): Set<string> {
  const keys = new Set<string>();
  const marker = /^(?:---|\.\.\.)(?:\s|$)/;
  if (!opensItem) {
    for (let l = line - 1; l >= 0 && !marker.test(lines[l]!); l--) {
      const s = shapeOf(lines[l]!);
      if (!s || s.col > col) continue;
      if (s.col < col) break;
      if (s.key !== undefined) keys.add(s.key);
      if (s.dashes.length > 0) break; // the line that opened our sequence item
    }
  }
  for (let l = line + 1; l < lines.length && !marker.test(lines[l]!); l++) {
    const s = shapeOf(lines[l]!);
    if (!s || s.col > col) continue;
    if (s.col < col || s.dashes.length > 0) break;
    if (s.key !== undefined) keys.add(s.key);
  }
  return keys;
}
