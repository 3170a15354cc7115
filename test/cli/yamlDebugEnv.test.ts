import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROKEN_COMPOSE, BROKEN_K8S, runCli, tempTree } from './run';

// The bundle gives `yaml`'s parser and composer an empty environment (scripts/build.mjs): they
// read it per token, which was 15-20% of parse time. Without that, yaml's own debug switches
// would also print every token to stdout in the middle of a report.
test('LOG_TOKENS / LOG_STREAM in the environment neither slow nor corrupt the JSON report', async () => {
  const t = tempTree({ 'k8s/bad.yaml': BROKEN_K8S, 'compose.yaml': BROKEN_COMPOSE });
  try {
    const plain = await runCli(['check', '--format', 'json'], t.dir);
    const noisy = await runCli(['check', '--format', 'json'], t.dir, {
      env: { LOG_TOKENS: '1', LOG_STREAM: '1' },
    });
    assert.equal(noisy.code, plain.code);
    assert.equal(noisy.stdout, plain.stdout);
    const report = JSON.parse(noisy.stdout) as { findings: unknown[] };
    assert.ok(report.findings.length > 0);
  } finally {
    t.cleanup();
  }
});
