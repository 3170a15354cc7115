/** The commit being deployed and whether the work tree has uncommitted changes, via real git. */
import type { Runner } from './runner';

export interface GitInfo {
  commit?: string;
  dirty?: boolean;
}

export async function gitInfo(runner: Runner, dir: string, signal?: AbortSignal): Promise<GitInfo> {
  try {
    const head = await runner.run({ command: 'git', args: ['rev-parse', 'HEAD'], cwd: dir, signal });
    if (head.code !== 0) return {};
    const status = await runner.run({
      command: 'git',
      args: ['status', '--porcelain', '--untracked-files=no'],
      cwd: dir,
      signal,
    });
    return {
      commit: head.stdout.trim(),
      dirty: status.code === 0 ? status.stdout.trim().length > 0 : undefined,
    };
  } catch {
    return {}; // git not installed
  }
}
