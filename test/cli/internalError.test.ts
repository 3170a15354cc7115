import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import { runCli } from '../../server/src/cli/main';
import { ASSETS } from '../helpers/analyzer';
import { BROKEN_K8S, captureIo, parseJsonReport, tempTree } from './run';

describe('bulwark check: internal errors', () => {
  test('an exception on a file is reported on stderr, the others are still checked, exit 2', async () => {
    const t = tempTree({
      'a/bad.yaml': BROKEN_K8S,
      'b/boom.yaml': BROKEN_K8S,
      'c/bad.yaml': BROKEN_K8S,
      'c/late.yaml': BROKEN_K8S,
    });
    try {
      const io = captureIo(t.dir);
      const code = await runCli(['check', '--format', 'json'], io, {
        assetsDir: ASSETS,
        version: '0.0.0',
        createAnalyzer: async (host, assetsDir) => {
          const real = await Analyzer.create(host, { assetsDir });
          return {
            begin: (path, text) => {
              if (path.endsWith('boom.yaml')) throw new Error('kaboom\n  at somewhere');
              // Fails in the second step, after its folder's other file was begun.
              if (path.endsWith('late.yaml'))
                return {
                  finish: () => {
                    throw new Error('too late');
                  },
                };
              return real.begin(path, text);
            },
            forget: (path) => real.forget(path),
            releaseTrees: (path) => real.releaseTrees(path),
          };
        },
      });
      assert.equal(code, 2);
      assert.equal(io.err, 'b/boom.yaml: internal error: kaboom\nc/late.yaml: internal error: too late\n');
      assert.deepEqual(
        parseJsonReport(io.out).findings.map((f) => f.file),
        ['a/bad.yaml', 'c/bad.yaml'],
      );
    } finally {
      t.cleanup();
    }
  });

  test('an analyzer that cannot start is an internal error, exit 2', async () => {
    const t = tempTree({ 'bad.yaml': BROKEN_K8S });
    try {
      const io = captureIo(t.dir);
      const code = await runCli(['check'], io, {
        assetsDir: ASSETS,
        version: '0.0.0',
        createAnalyzer: () => Promise.reject(new Error('wasm missing')),
      });
      assert.equal(code, 2);
      assert.match(io.err, /internal error: cannot start the analyzer: wasm missing/);
    } finally {
      t.cleanup();
    }
  });
});
