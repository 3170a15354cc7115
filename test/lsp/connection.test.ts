import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { redirectConsole, transportOf } from '../../server/src/node/connection';
import { SERVER } from './harness';

describe('server connection', () => {
  test('the transport is the first transport flag, as vscode-languageserver reads it', () => {
    assert.equal(transportOf(['--stdio']), '--stdio');
    assert.equal(transportOf(['--clientProcessId=1', '--stdio']), '--stdio');
    assert.equal(transportOf(['--node-ipc', '--stdio']), '--node-ipc');
    assert.equal(transportOf(['--socket=5000']), '--socket=5000');
    assert.equal(transportOf(['--pipe', 'x']), '--pipe');
    assert.equal(transportOf(['--stdiox']), undefined);
    assert.equal(transportOf([]), undefined);
  });

  test('over stdio, console output goes to the client log, never to stdout', (t) => {
    const names = [
      'log',
      'info',
      'debug',
      'warn',
      'error',
      'dir',
      'trace',
      'assert',
      'count',
      'countReset',
    ] as const;
    const saved = names.map((n) => [n, console[n]] as const);
    t.after(() => {
      for (const [n, f] of saved) (console as unknown as Record<string, unknown>)[n] = f;
    });
    const got: string[] = [];
    redirectConsole({
      log: (m: string) => got.push(`log ${m}`),
      info: (m: string) => got.push(`info ${m}`),
      warn: (m: string) => got.push(`warn ${m}`),
      error: (m: string) => got.push(`error ${m}`),
    });
    console.log('a', { b: 1 });
    console.info('i');
    console.debug('d');
    console.warn('w');
    console.error('e', 2);
    console.dir({ c: [1] });
    console.assert(true, 'never');
    console.assert(false, 'bad');
    console.count();
    console.count();
    console.countReset();
    console.count();
    console.trace('here');
    assert.deepEqual(got.slice(0, -1), [
      'log a { b: 1 }',
      'info i',
      'log d',
      'warn w',
      'error e 2',
      'log { c: [ 1 ] }',
      'error Assertion failed: bad',
      'log default: 1',
      'log default: 2',
      'log default: 1',
    ]);
    assert.match(got.at(-1) ?? '', /^log Trace: here\n/);
  });

  test('the server exits when the client closes its input without a shutdown', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    try {
      proc.stdin.end();
      assert.equal(await exited, 1);
    } finally {
      clearTimeout(timer);
    }
  });
});
