/**
 * What every Bulwark side panel renders: a tree of plain nodes. The panels' logic is functions
 * from engine data to these nodes (tested without an editor); the vscode/ layer only maps a node
 * to a TreeItem. Labels are plain text (tree items never interpret HTML), and every value shown
 * was redacted by the engine before it got here.
 */

/** How a node stands out: destroys and failures are `danger`, progress is `warning`. */
export type Tone = 'danger' | 'warning' | 'ok' | 'info' | 'muted';

export interface PanelCommand {
  command: string;
  title: string;
  arguments?: unknown[];
}

export interface PanelNode {
  /** Unique within its view and stable across refreshes (keeps expansion state). */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id, e.g. "diff-removed". */
  icon?: string;
  tone?: Tone;
  /** Drives the view's item menus (package.json `viewItem == …`). */
  contextValue?: string;
  children?: PanelNode[];
  /** Expanded when first shown (otherwise collapsed when it has children). */
  expanded?: boolean;
  command?: PanelCommand;
  /** Deploy target id this node stands for; commands invoked from the node act on it. */
  target?: string;
  environment?: string;
}

const MAX_TEXT = 120;

/** One-line text of any (already redacted) value, shortened for a tree row. */
export function shortValue(v: unknown, max = MAX_TEXT): string {
  let s: string;
  if (v === undefined) s = '(unset)';
  else if (typeof v === 'string') s = JSON.stringify(v);
  else s = JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
