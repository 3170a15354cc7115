// Answers the extension's dialogs as a user would, for the duration of one call, in the test only.
// Each extension gets its own `vscode` API object (the extension host hands it out by the path of
// the requiring file), so the functions are replaced on Bulwark's object: the one a require from
// inside its installed folder returns. They are restored in `finally`.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { bulwark } from './helpers';

export interface Prompt {
  kind: 'warning' | 'error' | 'info' | 'input';
  /** The message, or for an input box its title and prompt. */
  message: string;
  modal: boolean;
  detail?: string;
  /** The buttons offered. */
  items: string[];
}

/** Returns the button (or typed text) to answer with; undefined = dismissed (Escape). */
export type Answer = (p: Prompt) => string | undefined;

const MESSAGE_KINDS = {
  showWarningMessage: 'warning',
  showErrorMessage: 'error',
  showInformationMessage: 'info',
} as const;

/** The `vscode` module object the Bulwark extension itself was given. */
export function extensionVscode(): typeof vscode {
  const ext = bulwark();
  const main = join(ext.extensionPath, (ext.packageJSON as { main: string }).main);
  return createRequire(main)('vscode') as typeof vscode;
}

function isItem(x: unknown): x is vscode.MessageItem {
  return typeof x === 'object' && x !== null && typeof (x as vscode.MessageItem).title === 'string';
}

export async function answering<T>(
  answer: Answer,
  body: () => Thenable<T>,
): Promise<{ value: T; prompts: Prompt[] }> {
  const win = extensionVscode().window as unknown as Record<string, unknown>;
  const names = [...Object.keys(MESSAGE_KINDS), 'showInputBox'];
  const saved = new Map(names.map((n) => [n, win[n]]));
  const prompts: Prompt[] = [];
  for (const [name, kind] of Object.entries(MESSAGE_KINDS)) {
    win[name] = (message: string, ...rest: unknown[]) => {
      const options =
        typeof rest[0] === 'object' && rest[0] !== null && !isItem(rest[0])
          ? (rest.shift() as vscode.MessageOptions)
          : {};
      const items = rest as (string | vscode.MessageItem)[];
      const p: Prompt = {
        kind,
        message,
        modal: options.modal === true,
        detail: options.detail,
        items: items.map((i) => (isItem(i) ? i.title : i)),
      };
      prompts.push(p);
      const pick = answer(p);
      return Promise.resolve(items.find((i) => (isItem(i) ? i.title : i) === pick));
    };
  }
  win.showInputBox = (o: vscode.InputBoxOptions = {}) => {
    const p: Prompt = {
      kind: 'input',
      message: [o.title, o.prompt].filter(Boolean).join(': '),
      modal: false,
      items: [],
    };
    prompts.push(p);
    return Promise.resolve(answer(p));
  };
  try {
    return { value: await body(), prompts };
  } finally {
    for (const [name, fn] of saved) win[name] = fn;
  }
}
