import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tuneForBatchRun, tuneForWorkerThreads } from '../../server/src/node/batchTuning';

// What the flags buy is measured by `npm run bench` (docs/performance.md); here, that they are
// set, and that BULWARK_V8_TUNING=off leaves V8's defaults alone.
describe('V8 settings of a batch run', () => {
  test('set by default, each a flag V8 accepts', () => {
    assert.deepEqual(tuneForBatchRun({}), ['--interrupt-budget=262144']);
    assert.deepEqual(tuneForWorkerThreads({}), ['--no-parallel-scavenge']);
  });

  test('BULWARK_V8_TUNING=off sets none', () => {
    assert.deepEqual(tuneForBatchRun({ BULWARK_V8_TUNING: 'off' }), []);
    assert.deepEqual(tuneForWorkerThreads({ BULWARK_V8_TUNING: 'off' }), []);
  });
});
