import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { ASSETS } from '../helpers/analyzer';
import { BROKEN_K8S, captureIo, tempTree } from './run';

const ESC = '\u001b[';

describe('bulwark check: colours', () => {
  const cases: {
    name: string;
    tty: boolean;
    args: string[];
    env?: Record<string, string>;
    color: boolean;
  }[] = [
    { name: 'a terminal gets colours', tty: true, args: [], color: true },
    { name: 'a pipe gets none', tty: false, args: [], color: false },
    { name: '--no-color turns them off', tty: true, args: ['--no-color'], color: false },
    { name: 'NO_COLOR turns them off', tty: true, args: [], env: { NO_COLOR: '1' }, color: false },
    { name: 'JSON never has them', tty: true, args: ['--format', 'json'], color: false },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const t = tempTree({ 'bad.yaml': BROKEN_K8S });
      try {
        const io = captureIo(t.dir, { tty: c.tty, env: c.env });
        const code = await runCli(['check', ...c.args], io, { assetsDir: ASSETS, version: '0.0.0' });
        assert.equal(code, 1);
        assert.equal(io.out.includes(ESC), c.color);
        if (c.color) assert.ok(io.out.includes(`${ESC}31merror${ESC}0m`), io.out);
      } finally {
        t.cleanup();
      }
    });
  }
});
