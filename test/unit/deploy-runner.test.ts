// The process runner: argument arrays, streamed and redacted lines, cancellation of the whole
// process group (SIGTERM, then SIGKILL after the grace period), timeouts, environment.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Redactor } from '../../client/src/deploy/redact';
import { ProcessRunner, ToolNotFoundError } from '../../client/src/deploy/runner';

/** Dead or a zombie waiting to be reaped: either way it no longer runs. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(what: string, cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    assert.ok(Date.now() < end, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('process runner', () => {
  const runner = new ProcessRunner(new Redactor(['top-secret-value']));

  test('arguments are passed as an array, never through a shell', async () => {
    const tricky = '$(echo pwned); rm -rf / `id` > x';
    const r = await runner.run({
      command: process.execPath,
      args: ['-e', 'console.log(process.argv[1])', tricky],
    });
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), tricky);
  });

  test('streams lines to the sink with secrets masked; raw output stays for parsing', async () => {
    const lines: string[] = [];
    const r = await runner.run({
      command: process.execPath,
      args: [
        '-e',
        'process.stdout.write("a\\npassword=hunter2 top-secret-value\\npart"); console.error("err line")',
      ],
      sink: (s, l) => lines.push(`${s}:${l}`),
    });
    assert.deepEqual(
      lines.sort(),
      ['stderr:err line', 'stdout:a', 'stdout:part', 'stdout:password=*** ***'].sort(),
    );
    assert.match(r.stdout, /top-secret-value/);
    assert.ok(r.durationMs >= 0);
  });

  test('environment: extras added, undefined removes, stdin given', async () => {
    process.env.BULWARK_RUNNER_TEST = 'inherited';
    const r = await runner.run({
      command: process.execPath,
      args: [
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(process.env.EXTRA, process.env.BULWARK_RUNNER_TEST, s))',
      ],
      env: { EXTRA: 'yes', BULWARK_RUNNER_TEST: undefined },
      input: 'from-stdin',
    });
    delete process.env.BULWARK_RUNNER_TEST;
    assert.equal(r.stdout.trim(), 'yes undefined from-stdin');
  });

  test('cancel stops the whole process group, grandchildren included', async () => {
    const ac = new AbortController();
    let grandchild = 0;
    const p = runner.run({
      command: 'sh',
      args: ['-c', 'sleep 30 & echo $!; wait'],
      signal: ac.signal,
      sink: (_s, l) => {
        grandchild = Number(l);
        ac.abort();
      },
    });
    const r = await p;
    assert.equal(r.cancelled, true);
    assert.ok(grandchild > 0);
    await until('the grandchild to end', () => !running(grandchild));
  });

  test('a child ignoring SIGTERM is killed after the grace period', async () => {
    const ac = new AbortController();
    const started = Date.now();
    const r = await runner.run({
      command: process.execPath,
      args: ['-e', 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)'],
      signal: ac.signal,
      killGraceMs: 200,
      sink: () => ac.abort(),
    });
    assert.equal(r.cancelled, true);
    assert.equal(r.signal, 'SIGKILL');
    assert.ok(Date.now() - started < 5000);
  });

  test('timeout stops the process and says so', async () => {
    const r = await runner.run({ command: 'sleep', args: ['30'], timeoutMs: 100 });
    assert.equal(r.timedOut, true);
    assert.equal(r.code, null);
  });

  test('a missing tool is a clear error', async () => {
    await assert.rejects(runner.run({ command: 'no-such-tool-bulwark', args: [] }), ToolNotFoundError);
  });

  test('an already aborted signal does not start the process', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await runner.run({ command: 'sleep', args: ['30'], signal: ac.signal });
    assert.equal(r.cancelled, true);
  });
});
