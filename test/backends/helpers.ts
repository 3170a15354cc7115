/** Shared helpers for the real-tool backend tests: temp folders, environments, sinks. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Environment } from '../../client/src/deploy/types';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'deploy');

export const TF_TEST_ENV = {
  TF_CLI_CONFIG_FILE: '/dev/null',
  CHECKPOINT_DISABLE: '1',
  TF_IN_AUTOMATION: '1',
};

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `bulwark-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function copyFixture(name: string, into: string): string {
  const dest = join(into, name.replace(/\//g, '_'));
  cpSync(join(FIXTURES, name), dest, { recursive: true });
  return dest;
}

export function environment(name: string, patch: Partial<Environment> = {}): Environment {
  return {
    name,
    protected: false,
    kube: {},
    terraform: { varFiles: [] },
    compose: {},
    windows: [],
    autoRollback: false,
    ...patch,
  };
}

export function collectingSink(): { lines: string[]; sink: (s: 'stdout' | 'stderr', l: string) => void } {
  const lines: string[] = [];
  return { lines, sink: (_s, l) => lines.push(l) };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
