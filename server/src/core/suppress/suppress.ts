import { LineIndex } from '../text/lineIndex';
import type { Finding, Range } from '../types';

/**
 * Suppression comments and annotations:
 *   # bulwark-ignore <id>[,<id>] -- <reason>       the next code line, or its own line when trailing
 *   # bulwark-ignore-file <id>[,<id>] -- <reason>  the whole file
 * In HCL, `//` and `/* ... *\/` comments work too. A Kubernetes object can carry the annotation
 * `bulwark.dev/ignore`, given here as a scoped suppression. Suppressions without a reason and
 * suppressions that silence nothing are reported as hints, so they do not rot.
 */

export type CommentLanguage = 'yaml' | 'hcl';

export interface Suppression {
  ids: string[];
  reason?: string;
  /** Where the suppression is written, for its own findings. */
  range: Range;
}

export interface CommentSuppression extends Suppression {
  /** Line (0-based) whose findings it silences; undefined for a file-wide one. */
  line?: number;
}

export interface ScopedSuppression extends Suppression {
  /** Findings starting inside this range are silenced. */
  scope: Range;
}

const WORD = 'bulwark-ignore';
const YAML_COMMENT = /(^|\s)#\s*(bulwark-ignore(?:-file)?)(?=\s|$)(.*)$/;
const HCL_COMMENT = /(^|\s)(?:#|\/\/|\/\*)\s*(bulwark-ignore(?:-file)?)(?=\s|$|\*\/)(.*?)(?:\*\/\s*)?$/;

/**
 * `lines`: the index of `text` when the caller has one. Only the lines holding the word are
 * read (found by native search), not every line of a big file.
 */
export function parseSuppressionComments(
  text: string,
  lang: CommentLanguage,
  lines?: LineIndex,
): CommentSuppression[] {
  let at = text.indexOf(WORD);
  if (at < 0) return [];
  const index = lines ?? new LineIndex(text);
  const re = lang === 'yaml' ? YAML_COMMENT : HCL_COMMENT;
  const out: CommentSuppression[] = [];
  while (at >= 0) {
    const line = index.positionAt(at).line;
    const t = index.lineText(line);
    at = text.indexOf(WORD, index.lineEnd(line));
    const m = re.exec(t);
    if (!m) continue;
    const commentStart = m.index + (m[1]?.length ?? 0);
    const [ids, reason] = parseSuppressionBody(m[3] ?? '');
    const range = { start: { line, character: commentStart }, end: { line, character: t.trimEnd().length } };
    const fileWide = m[2] === 'bulwark-ignore-file';
    const ownLine = t.slice(0, commentStart).trim() === '';
    out.push({
      ids,
      reason,
      range,
      line: fileWide ? undefined : ownLine ? nextCodeLine(index, line, lang) : line,
    });
  }
  return out;
}

export function parseSuppressionBody(body: string): [string[], string | undefined] {
  const i = body.indexOf('--');
  const idsText = i >= 0 ? body.slice(0, i) : body;
  const reason = i >= 0 ? body.slice(i + 2).trim() : '';
  const ids = idsText
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [ids, reason || undefined];
}

/** The line a comment on its own line refers to: the next one holding code (stacked comments skip). */
function nextCodeLine(lines: LineIndex, from: number, lang: CommentLanguage): number {
  const comment = lang === 'yaml' ? /^\s*(?:#.*)?$/ : /^\s*(?:(?:#|\/\/).*|\/\*.*\*\/\s*)?$/;
  for (let l = from + 1; l < lines.lineCount; l++) if (!comment.test(lines.lineText(l))) return l;
  return from + 1;
}

export interface SuppressOptions {
  text: string;
  lang: CommentLanguage;
  /** Prefix of the hint ids: `k8s`, `compose`, `tf`. */
  domain: string;
  scopes?: ScopedSuppression[];
  /** The line index of `text`, when the caller has one (saves indexing a big text). */
  lines?: LineIndex;
  /** True when the caller knows `text` holds no `bulwark-ignore` (saves scanning it). */
  commentFree?: boolean;
  /** False for rules turned off: a suppression naming them is not "unused". */
  isActive?(ruleId: string): boolean;
}

/** Drops suppressed findings and adds the hints about missing reasons and unused suppressions. */
export function applySuppressions(findings: Finding[], options: SuppressOptions): Finding[] {
  const comments = options.commentFree
    ? []
    : parseSuppressionComments(options.text, options.lang, options.lines);
  const all: (CommentSuppression | ScopedSuppression)[] = [...comments, ...(options.scopes ?? [])];
  if (all.length === 0) return findings;
  const used = all.map(() => new Set<string>());
  const kept = findings.filter((f) => {
    let suppressed = false;
    all.forEach((s, i) => {
      if (!s.ids.includes(f.ruleId) || !covers(s, f.range)) return;
      suppressed = true;
      used[i]?.add(f.ruleId);
    });
    return !suppressed;
  });
  const hints: Finding[] = [];
  all.forEach((s, i) => {
    if (!s.reason) {
      hints.push({
        ruleId: `${options.domain}/suppression-without-reason`,
        severity: 'hint',
        message: `Suppression without a reason: add \`-- <why it is safe>\` after the rule ids.`,
        range: s.range,
      });
    }
    if (s.ids.length === 0) return;
    const unused = s.ids.filter((id) => !used[i]?.has(id) && (options.isActive?.(id) ?? true));
    if (unused.length > 0) {
      hints.push({
        ruleId: `${options.domain}/unused-suppression`,
        severity: 'hint',
        message: `Suppression of ${unused.join(', ')} matches no finding here: remove it.`,
        range: s.range,
      });
    }
  });
  return [...kept, ...hints];
}

function covers(s: CommentSuppression | ScopedSuppression, r: Range): boolean {
  if ('scope' in s) return !before(r.start, s.scope.start) && !before(s.scope.end, r.start);
  return s.line === undefined || s.line === r.start.line;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
