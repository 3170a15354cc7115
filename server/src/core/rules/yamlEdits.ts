import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import { locate, type PathSegment, type YamlDoc, type YamlFile } from '../yaml/yamlFile';

/**
 * Minimal text edits for quick fixes on YAML: they insert or replace only the text that has to
 * change, at the indentation the user already uses, so comments and formatting survive. The whole
 * document is never re-serialised.
 */

export type YamlScalar = string | number | boolean;
export type YamlPatchValue = YamlScalar | YamlScalar[] | YamlPatch;
export interface YamlPatch {
  [key: string]: YamlPatchValue;
}

const INDENT_STEP = 2;

/**
 * Edits that make every entry of `patch` hold in the mapping at `path`. Missing keys are added
 * after the mapping's last entry; missing parent mappings are created; existing scalars are
 * replaced only with `overwrite`; sequences gain the items they lack.
 */
export function mergeEdits(
  file: YamlFile,
  d: YamlDoc,
  path: readonly PathSegment[],
  patch: YamlPatch,
  options: { overwrite?: boolean } = {},
): TextEdit[] {
  return coalesce(merge(file, d, path, patch, options));
}

/**
 * Insertions at the same point (a nested block and its parent's next key both land after the
 * same last line) are joined in the order they were made, inner first, so no client reorders them.
 */
function coalesce(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => samePos(o.range.start, e.range.start) && samePos(o.range.end, e.range.end));
    if (same && samePos(e.range.start, e.range.end)) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}

function samePos(a: TextEdit['range']['start'], b: TextEdit['range']['start']): boolean {
  return a.line === b.line && a.character === b.character;
}

function merge(
  file: YamlFile,
  d: YamlDoc,
  path: readonly PathSegment[],
  patch: YamlPatch,
  options: { overwrite?: boolean },
): TextEdit[] {
  const loc = locate(d.doc, path);
  if (!loc.found) {
    const rest = path.slice(loc.depth);
    if (rest.some((s) => typeof s !== 'string')) return [];
    let wrapped: YamlPatch = patch;
    for (const seg of [...rest].reverse()) wrapped = { [seg as string]: wrapped };
    return merge(file, d, path.slice(0, loc.depth), wrapped, options);
  }
  const node = loc.value;
  if (isMap(node)) return mergeIntoMap(file, d, path, node, patch, options);
  if (isEmptyValue(node) && loc.key) return insertUnderKey(file, d, loc.key, node, patch);
  return [];
}

/** Replaces the value at `path` with `text` (a YAML scalar or flow value). */
export function replaceValueEdit(
  file: YamlFile,
  d: YamlDoc,
  path: readonly PathSegment[],
  text: string,
): TextEdit[] {
  const loc = locate(d.doc, path);
  const r = loc.found ? loc.value?.range : undefined;
  if (!r) return [];
  return [{ range: file.lines.range(d.offset + r[0], d.offset + r[1]), newText: text }];
}

/** Deletes the whole line(s) of a block mapping pair at `path` (key, value and line break). */
export function deletePairEdit(file: YamlFile, d: YamlDoc, path: readonly PathSegment[]): TextEdit[] {
  const loc = locate(d.doc, path);
  if (!loc.found || !loc.key?.range) return [];
  const start = file.lines.positionAt(d.offset + loc.key.range[0]);
  const lineText = file.lines.lineText(start.line);
  if (lineText.slice(0, start.character).trim() !== '') return [];
  const endLine = lastLineOf(file, d, loc.value ?? loc.key);
  const from = file.lines.lineStart(start.line);
  const to =
    endLine + 1 < file.lines.lineCount ? file.lines.lineStart(endLine + 1) : file.lines.lineEnd(endLine);
  return [{ range: file.lines.range(from, to), newText: '' }];
}

function mergeIntoMap(
  file: YamlFile,
  d: YamlDoc,
  path: readonly PathSegment[],
  map: YAMLMap,
  patch: YamlPatch,
  options: { overwrite?: boolean },
): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: YamlPatch = {};
  for (const [k, v] of Object.entries(patch)) {
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === k) as
      Pair<Node, Node> | undefined;
    if (!pair) {
      missing[k] = v;
      continue;
    }
    const value = pair.value;
    if (isPatch(v)) edits.push(...merge(file, d, [...path, k], v, options));
    else if (Array.isArray(v) && isSeq(value)) edits.push(...addSeqItems(file, d, value, v));
    else if (isEmptyValue(value) && !Array.isArray(v) && pair.key) {
      edits.push(...insertUnderKey(file, d, pair.key, value, { [k]: v }, true));
    } else if (options.overwrite && value?.range) {
      const r = value.range;
      edits.push({ range: file.lines.range(d.offset + r[0], d.offset + r[1]), newText: renderFlow(v) });
    }
  }
  if (Object.keys(missing).length > 0) edits.push(appendToMap(file, d, map, missing));
  return edits;
}

function appendToMap(file: YamlFile, d: YamlDoc, map: YAMLMap, patch: YamlPatch): TextEdit {
  const r = map.range ?? [0, 0, 0];
  if (map.flow) {
    const entries = Object.entries(patch)
      .map(([k, v]) => `${k}: ${renderFlow(v)}`)
      .join(', ');
    const last = map.items[map.items.length - 1] as Pair<Node, Node> | undefined;
    const lastEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1];
    if (lastEnd === undefined) {
      return { range: file.lines.range(d.offset + r[0], d.offset + r[1]), newText: `{ ${entries} }` };
    }
    return { range: file.lines.range(d.offset + lastEnd, d.offset + lastEnd), newText: `, ${entries}` };
  }
  const firstKey = (map.items[0] as Pair<Node, Node> | undefined)?.key;
  const indent = firstKey?.range ? file.lines.positionAt(d.offset + firstKey.range[0]).character : 0;
  const endLine = lastLineOf(file, d, map);
  return insertLinesAfter(file, endLine, renderBlock(patch, indent));
}

/** A key whose value is empty (`securityContext:`): the block goes on the lines below it. */
function insertUnderKey(
  file: YamlFile,
  d: YamlDoc,
  key: Node,
  value: Node | null | undefined,
  patch: YamlPatch,
  replaceKey = false,
): TextEdit[] {
  if (!key.range) return [];
  const keyPos = file.lines.positionAt(d.offset + key.range[0]);
  if (value?.range && value.range[1] > value.range[0]) {
    // An explicit `null` or `~`: a flow value replaces it on the same line.
    const inner = replaceKey ? Object.values(patch)[0] : patch;
    if (inner === undefined) return [];
    return [
      {
        range: file.lines.range(d.offset + value.range[0], d.offset + value.range[1]),
        newText: renderFlow(inner),
      },
    ];
  }
  const body = replaceKey ? Object.values(patch)[0] : patch;
  if (body === undefined) return [];
  const indent = keyPos.character + INDENT_STEP;
  const text = isPatch(body) ? renderBlock(body, indent) : renderValueLines(body, indent);
  return [insertLinesAfter(file, keyPos.line, text)];
}

function addSeqItems(file: YamlFile, d: YamlDoc, seq: YAMLSeq, items: YamlScalar[]): TextEdit[] {
  const present = new Set(seq.items.map((n) => (isScalar(n) ? String(n.value).toUpperCase() : '')));
  const add = items.filter((i) => !present.has(String(i).toUpperCase()));
  if (add.length === 0) return [];
  const r = seq.range ?? [0, 0, 0];
  if (seq.flow) {
    if (seq.items.length === 0) {
      return [
        {
          range: file.lines.range(d.offset + r[0], d.offset + r[1]),
          newText: `[${add.map(renderFlow).join(', ')}]`,
        },
      ];
    }
    const at = d.offset + r[0] + 1;
    return [{ range: file.lines.range(at, at), newText: `${add.map(renderFlow).join(', ')}, ` }];
  }
  const first = seq.items[0] as Node | undefined;
  const firstLine = file.lines.positionAt(d.offset + (first?.range?.[0] ?? r[0])).line;
  const prefix = /^\s*/.exec(file.lines.lineText(firstLine))?.[0] ?? '';
  const at = file.lines.lineStart(firstLine);
  return [
    { range: file.lines.range(at, at), newText: add.map((i) => `${prefix}- ${renderScalar(i)}\n`).join('') },
  ];
}

function insertLinesAfter(file: YamlFile, line: number, text: string): TextEdit {
  if (line + 1 < file.lines.lineCount) {
    const at = file.lines.lineStart(line + 1);
    return { range: file.lines.range(at, at), newText: text };
  }
  const at = file.lines.lineEnd(line);
  return { range: file.lines.range(at, at), newText: `\n${text.replace(/\n$/, '')}` };
}

/** Last line holding content of a node (block values end with their line break). */
function lastLineOf(file: YamlFile, d: YamlDoc, node: Node): number {
  const r = node.range ?? [0, 0, 0];
  let end = d.offset + r[1];
  while (end > d.offset + r[0] && /\s/.test(file.text.charAt(end - 1))) end--;
  return file.lines.positionAt(end).line;
}

function isEmptyValue(node: Node | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function isPatch(v: YamlPatchValue): v is YamlPatch {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Block lines for a patch at `indent`, each ending with a line break. */
export function renderBlock(patch: YamlPatch, indent: number): string {
  const pad = ' '.repeat(indent);
  let out = '';
  for (const [k, v] of Object.entries(patch)) {
    if (isPatch(v)) out += `${pad}${k}:\n${renderBlock(v, indent + INDENT_STEP)}`;
    else if (Array.isArray(v)) out += `${pad}${k}:\n${renderValueLines(v, indent + INDENT_STEP)}`;
    else out += `${pad}${k}: ${renderScalar(v)}\n`;
  }
  return out;
}

function renderValueLines(v: YamlScalar | YamlScalar[], indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) return v.map((i) => `${pad}- ${renderScalar(i)}\n`).join('');
  return `${pad}${renderScalar(v)}\n`;
}

export function renderFlow(v: YamlPatchValue): string {
  if (Array.isArray(v)) return `[${v.map(renderScalar).join(', ')}]`;
  if (isPatch(v)) {
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${renderFlow(x)}`)
      .join(', ')} }`;
  }
  return renderScalar(v);
}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

export function renderScalar(v: YamlScalar): string {
  if (typeof v !== 'string') return String(v);
  if (PLAIN.test(v) && !RESERVED.test(v)) return v;
  if (/^\d+(?:m|Mi|Gi|Ki)$/.test(v)) return v;
  return JSON.stringify(v);
}
