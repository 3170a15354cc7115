// Extension-host tests in an empty window (no folder): every command package.json contributes is
// registered and runs without throwing.
import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { bulwark } from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
}

/** Commands not run here, each with the reason. Empty today: every command must cope. */
const SKIPPED: Record<string, string> = {};

/** How long one command may take before the test calls it stuck (it may be waiting for input). */
const COMMAND_MS = 45_000;

function contributed(): ContributedCommand[] {
  const manifest = bulwark().packageJSON as { contributes?: { commands?: ContributedCommand[] } };
  return manifest.contributes?.commands ?? [];
}

/**
 * Runs a command; while it is pending, dismisses any quick pick or input box it opened (as a user
 * pressing Escape would), so commands that ask for input resolve with "cancelled".
 */
async function runDismissingInput(id: string): Promise<unknown> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand(id)).finally(() => {
    settled = true;
  });
  const dismiss = setInterval(() => {
    if (!settled) void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }, 250);
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${id} did not finish within ${COMMAND_MS} ms`)), COMMAND_MS);
  });
  try {
    return await Promise.race([run, stuck]);
  } finally {
    clearInterval(dismiss);
    clearTimeout(timer);
  }
}

/** Declares the suite; call after mocha's pre-require (see mochaRunner.ts). */
export function registerEmptyTests(): void {
  describe('commands in an empty workspace', () => {
    before(async () => {
      assert.equal(vscode.workspace.workspaceFolders, undefined, 'the window has no folder');
      await bulwark().activate();
    });

    it('contributes commands under bulwark.*', () => {
      const commands = contributed();
      assert.ok(commands.length > 0, 'package.json contributes.commands');
      for (const c of commands) assert.match(c.command, /^bulwark\./);
    });

    it('registers every contributed command', async () => {
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = contributed()
        .map((c) => c.command)
        .filter((id) => !registered.has(id));
      assert.deepEqual(missing, []);
    });

    // Restarting the server last keeps it from racing the other commands.
    const ids = () =>
      contributed()
        .map((c) => c.command)
        .sort(
          (a, b) =>
            Number(a.endsWith('restartServer')) - Number(b.endsWith('restartServer')) || a.localeCompare(b),
        );

    it('runs every contributed command without throwing', async () => {
      const failures: string[] = [];
      for (const id of ids()) {
        if (SKIPPED[id]) {
          console.log(`${process.env.BULWARK_E2E_CONSOLE_MARK ?? ''}    skipped ${id}: ${SKIPPED[id]}`);
          continue;
        }
        try {
          await runDismissingInput(id);
        } catch (err) {
          failures.push(`${id}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  });
}
