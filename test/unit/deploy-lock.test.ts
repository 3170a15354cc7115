// One deploy at a time per target and environment; stale locks of dead processes are reclaimed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isDeployError } from '../../client/src/deploy/errors';
import { DeployLock } from '../../client/src/deploy/lock';

describe('deploy lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a second deploy of the same target and environment is refused, naming the holder', () => {
    const a = DeployLock.acquire(dir, 'k8s/app', 'prod', 'deploy');
    assert.ok(existsSync(a.path));
    assert.throws(
      () => DeployLock.acquire(dir, 'k8s/app', 'prod', 'deploy'),
      (e: unknown) =>
        isDeployError(e, 'deploy-locked') &&
        e.message.includes(`(pid ${process.pid})`) &&
        e.message.includes('k8s/app to prod'),
    );
    const other = DeployLock.acquire(dir, 'k8s/app', 'staging', 'deploy');
    other.release();
    a.release();
    assert.ok(!existsSync(a.path));
    DeployLock.acquire(dir, 'k8s/app', 'prod', 'deploy').release();
  });

  test('a lock left by a dead process is reclaimed', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    const path = DeployLock.lockPath(dir, 'tf/net', 'dev');
    mkdirSync(join(dir, 'locks'), { recursive: true });
    writeFileSync(
      path,
      JSON.stringify({
        pid,
        host: hostname(),
        user: 'ghost',
        action: 'deploy',
        target: 'tf/net',
        environment: 'dev',
        since: '2020-01-01T00:00:00Z',
      }),
    );
    const l = DeployLock.acquire(dir, 'tf/net', 'dev', 'deploy');
    assert.equal(l.info.pid, process.pid);
    l.release();
  });

  test('a live holder on another host is never reclaimed', () => {
    const path = DeployLock.lockPath(dir, 'tf/net', 'prod');
    writeFileSync(
      path,
      JSON.stringify({
        pid: 1,
        host: 'elsewhere',
        user: 'ann',
        action: 'deploy',
        target: 'tf/net',
        environment: 'prod',
        since: 'x',
      }),
    );
    assert.throws(() => DeployLock.acquire(dir, 'tf/net', 'prod', 'deploy'), /ann@elsewhere/);
  });
});
