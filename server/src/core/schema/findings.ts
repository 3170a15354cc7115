import { isMap, isSeq, type Node } from 'yaml';
import type { Finding, Range } from '../types';
import {
  locate,
  nodeRange,
  pathRange,
  type PathSegment,
  type YamlDoc,
  type YamlFile,
} from '../yaml/yamlFile';
import type { IssueKind, SchemaIssue } from './issues';

const PRIORITY: Record<IssueKind, number> = { 'unknown-field': 0, required: 1, type: 2, invalid: 3 };

/**
 * Places schema issues of one object of document `d` in the file (the object sits at `prefix`
 * within the document, e.g. `['items', 2]` in a `kind: List`) and keeps one finding per range.
 */
export function issueFindings(
  file: YamlFile,
  d: YamlDoc,
  issues: readonly SchemaIssue[],
  domain: 'k8s' | 'compose' | 'config',
  prefix: readonly PathSegment[] = [],
): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  // Missing fields of one object become one finding naming them all; they never hide (nor are
  // hidden by) an unknown field that happens to start at the same place.
  const missing = new Map<string, { finding: Finding; fields: string[] }>();
  const sorted = [...issues].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
  for (const issue of sorted) {
    const range = issueRange(file, d, [...prefix, ...issue.path], issue.at);
    const at = `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
    const key = issue.kind === 'required' ? `required@${at}` : at;
    const group = missing.get(key);
    if (group && issue.field !== undefined) {
      if (!group.fields.includes(issue.field)) group.fields.push(issue.field);
      group.finding.message = missingMessage(group.fields);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const finding: Finding = {
      ruleId: `${domain}/schema-${issue.kind}`,
      severity: 'error',
      message: issue.message,
      range,
    };
    if (issue.suggestion !== undefined && issue.at === 'key') {
      finding.fixes = [
        { title: `Rename to '${issue.suggestion}'`, edits: [{ range, newText: issue.suggestion }] },
      ];
    }
    if (issue.kind === 'required' && issue.field !== undefined)
      missing.set(key, { finding, fields: [issue.field] });
    out.push(finding);
  }
  return out;
}

function missingMessage(fields: readonly string[]): string {
  if (fields.length === 1) return `Missing required field '${fields[0]}'`;
  const quoted = fields.map((f) => `'${f}'`);
  return `Missing required fields ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

export function issueRange(
  file: YamlFile,
  d: YamlDoc,
  path: readonly PathSegment[],
  at: SchemaIssue['at'],
): Range {
  if (at === 'key') return pathRange(file, d, path, 'key');
  const loc = locate(d.doc, path);
  // The whole document (e.g. a list where a mapping belongs): its first line, not every line.
  if (path.length === 0) return nodeRange(file, d, firstKey(loc.value)) ?? pathRange(file, d, ['']);
  if (!loc.found) return pathRange(file, d, path);
  if (at === 'object') {
    // The key naming the object; for a sequence item or the document itself, its first key.
    const r = nodeRange(file, d, loc.key) ?? nodeRange(file, d, firstKey(loc.value));
    return r ?? pathRange(file, d, path);
  }
  // A block collection of the wrong type spans many lines: its key says enough.
  if (loc.key && isBlockCollection(loc.value)) return nodeRange(file, d, loc.key) ?? pathRange(file, d, path);
  return pathRange(file, d, path);
}

export function firstKey(node: Node | undefined): Node | undefined {
  if (!isMap(node)) return undefined;
  const k = node.items[0]?.key;
  return k && typeof k === 'object' ? (k as Node) : undefined;
}

function isBlockCollection(node: Node | undefined): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow;
}
