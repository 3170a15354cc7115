import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Analyzer } from '../core/analyzer';
import { LineIndex } from '../core/text/lineIndex';
import type { Finding } from '../core/types';
import { decodeText } from '../node/diskHost';
import { UsageError } from './args';
import type { Reported } from './report';

/** What the analysis needs from the analyzer; tests substitute one that fails on purpose. */
export type FileAnalyzer = Pick<Analyzer, 'begin' | 'forget' | 'releaseTrees'>;

/** A line for stderr; notices (skipped files) are left out under `--quiet`. */
export interface FolderMessage {
  text: string;
  notice: boolean;
}

/** What checking one folder's files produced; plain data, so a worker can post it. */
export interface FolderResult {
  findings: Reported[];
  messages: FolderMessage[];
  checked: number;
  internalErrors: number;
}

/** How a folder is checked: the same in the main thread and in every worker. */
export interface FolderCheckOptions {
  cwd: string;
  /** Whether findings carry the text of their first line (only SARIF shows it). */
  lineTexts: boolean;
}

/**
 * Reads one folder's files (synchronously: the thread has nothing else to do meanwhile, and
 * a promise per file cost more than the read), serves them to the analyzer from `loaded` (the
 * host's overlay), so a Terraform module's and a manifest folder's sibling files are read
 * once, analyses each, then drops the folder from the analyzer and the overlay.
 */
export function checkFolder(
  group: readonly string[],
  analyzer: FileAnalyzer,
  loaded: Map<string, string>,
  options: FolderCheckOptions,
): FolderResult {
  const result: FolderResult = { findings: [], messages: [], checked: 0, internalErrors: 0 };
  const texts = group.map((p) => {
    try {
      return { p, text: decodeText(readFileSync(p)) };
    } catch (e) {
      return { p, error: e as unknown };
    }
  });
  for (const t of texts) if ('text' in t && t.text !== undefined) loaded.set(t.p, t.text);
  // Every file is begun before any is finished (see `Analyzer.begin`); its trees go as soon as
  // its own checks are done (its values stay, for the folder's relating rules).
  const begun = texts.map((t) => {
    if (!('text' in t) || t.text === undefined) return undefined;
    try {
      return analyzer.begin(t.p, t.text);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    } finally {
      analyzer.releaseTrees(t.p);
    }
  });
  for (const [i, t] of texts.entries()) {
    const shown = display(options.cwd, t.p);
    if ('error' in t) {
      result.messages.push({ text: `${shown}: cannot read: ${errorText(t.error)}`, notice: false });
      result.internalErrors++;
      continue;
    }
    if (t.text === undefined) {
      result.messages.push({ text: `${shown}: skipped: binary content`, notice: true });
      continue;
    }
    result.checked++;
    try {
      const pending = begun[i];
      if (pending instanceof Error || pending === undefined) throw pending;
      const { findings } = pending.finish();
      if (findings.length) result.findings.push(...toReported(shown, t.text, findings, options.lineTexts));
    } catch (e) {
      result.messages.push({ text: `${shown}: internal error: ${errorText(e)}`, notice: false });
      result.internalErrors++;
    }
  }
  for (const p of group) analyzer.forget(p);
  loaded.clear();
  return result;
}

function toReported(
  file: string,
  text: string,
  findings: readonly Finding[],
  withLineText: boolean,
): Reported[] {
  const lines = withLineText ? new LineIndex(text) : undefined;
  return findings.map((f) => ({
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    lineText: lines ? lines.lineText(f.range.start.line) : '',
  }));
}

/**
 * Splits the walked files (a folder's files are adjacent) into folders: the unit of work, kept
 * whole because a Terraform module's checks and the manifests' folder rules read siblings.
 */
export function groupByFolder(files: readonly string[]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const f of files) {
    if (current.length && dirname(current[0] ?? '') !== dirname(f)) {
      groups.push(current);
      current = [];
    }
    current.push(f);
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Path relative to the current folder with forward slashes, as every format shows it. */
export function display(cwd: string, abs: string): string {
  return (relative(cwd, abs) || '.').split(sep).join('/');
}

export function errorText(e: unknown): string {
  if (e instanceof UsageError) return e.message;
  if (e instanceof Error) return e.message.split('\n')[0] ?? String(e);
  return String(e);
}
