/**
 * One deploy at a time per target and environment: a lock file created with O_EXCL under
 * `<stateDir>/locks`, holding who took it. A lock left by a process that no longer runs on this
 * host is reclaimed; any other is refused with the holder named.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { DeployError } from './errors';
import { slug } from './planStore';

export interface LockInfo {
  pid: number;
  host: string;
  user: string;
  action: string;
  target: string;
  environment: string;
  since: string;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

export class DeployLock {
  private constructor(
    readonly path: string,
    readonly info: LockInfo,
  ) {}

  static lockPath(stateDir: string, target: string, environment: string): string {
    return join(stateDir, 'locks', `${slug(target)}--${slug(environment)}.lock`);
  }

  static acquire(stateDir: string, target: string, environment: string, action: string): DeployLock {
    const path = DeployLock.lockPath(stateDir, target, environment);
    mkdirSync(join(stateDir, 'locks'), { recursive: true });
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      user: currentUser(),
      action,
      target,
      environment,
      since: new Date().toISOString(),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o644);
        try {
          writeSync(fd, JSON.stringify(info));
        } finally {
          closeSync(fd);
        }
        return new DeployLock(path, info);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = readHolder(path);
      if (holder === 'gone') continue;
      if (holder && holder.host === info.host && !isProcessAlive(holder.pid)) {
        // The holder died without releasing: the lock is stale.
        try {
          unlinkSync(path);
        } catch {
          // another process reclaimed it first
        }
        continue;
      }
      const who = holder
        ? `${holder.action} by ${holder.user}@${holder.host} (pid ${holder.pid}) since ${holder.since}`
        : 'an unreadable lock';
      throw new DeployError(
        'deploy-locked',
        `Another deploy of ${target} to ${environment} is in progress: ${who}. Wait for it to finish.`,
        { holder, lockFile: path },
      );
    }
    throw new DeployError('deploy-locked', `Could not take the deploy lock ${path}.`);
  }

  release(): void {
    const holder = readHolder(this.path);
    if (holder && holder !== 'gone' && holder.pid === this.info.pid && holder.since === this.info.since) {
      try {
        unlinkSync(this.path);
      } catch {
        // already gone
      }
    }
  }
}

function readHolder(path: string): LockInfo | 'gone' | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined;
  }
}
