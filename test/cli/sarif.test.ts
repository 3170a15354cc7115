import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { BROKEN_COMPOSE, BROKEN_K8S, CLEAN_K8S, runCli, tempTree, WARNING_K8S, ROOT } from './run';

/**
 * The official SARIF 2.1.0 schema (OASIS, final "rtm.5"), as shipped by Microsoft's
 * @microsoft/jest-sarif. It is a draft-04 schema; its only draft-04-specific keyword is the
 * top-level `id`, so renaming that to `$id` lets Ajv 8 (draft-07 mode) compile it unchanged.
 */
function sarifValidator() {
  const path = join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // The schema's `language` pattern has a stray `]`, valid only outside unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function sarifOf(
  files: Record<string, string>,
  args: string[] = [],
): Promise<{ log: Log; code: number | null }> {
  const t = tempTree(files);
  try {
    const r = await runCli(['check', '--format', 'sarif', ...args], t.dir);
    return { log: JSON.parse(r.stdout) as Log, code: r.code };
  } finally {
    t.cleanup();
  }
}

describe('bulwark check --format sarif', () => {
  const validate = sarifValidator();

  test('the validator rejects a broken log (so passing means something)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  test('a log with findings validates against the SARIF 2.1.0 schema', async () => {
    const { log, code } = await sarifOf({
      'k8s/bad file.yaml': BROKEN_K8S,
      'w.yaml': WARNING_K8S,
      'app/compose.yaml': BROKEN_COMPOSE,
    });
    assert.equal(code, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const broken = JSON.parse(JSON.stringify(log)) as Log;
    (broken.runs[0]!.results![0] as { level: string }).level = 'info';
    assert.equal(validate(broken), false, 'SARIF has no level "info"');
  });

  test('a clean log validates too, with empty rules and results', async () => {
    const { log, code } = await sarifOf({ 'ok.yaml': CLEAN_K8S });
    assert.equal(code, 0);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(log.runs[0]?.results, []);
    assert.deepEqual(log.runs[0]?.tool.driver.rules, []);
  });

  test('what GitHub code scanning reads: tool, rules, levels, locations, fingerprints', async () => {
    const { log } = await sarifOf({ 'k8s/bad file.yaml': BROKEN_K8S, 'w.yaml': WARNING_K8S });
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0]!;
    const driver = run.tool.driver;
    assert.equal(driver.name, 'bulwark');
    assert.match(driver.version ?? '', /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri ?? '', /^https:\/\//);
    const rules = driver.rules ?? [];
    assert.deepEqual(
      rules.map((r) => r.id),
      [...new Set(run.results?.map((r) => r.ruleId))].sort(),
      'one rule entry per rule reported',
    );
    for (const rule of rules) {
      assert.ok(rule.shortDescription?.text);
      assert.match(rule.helpUri ?? '', /^https:\/\/.+\.md$/);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration?.level ?? ''));
    }
    const results = run.results ?? [];
    for (const r of results) {
      assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId, 'ruleIndex points at its rule');
      assert.ok(r.message.text);
      const loc = r.locations?.[0]?.physicalLocation;
      assert.equal(loc?.artifactLocation?.uriBaseId, '%SRCROOT%');
      const region = loc?.region;
      assert.ok(region?.startLine && region.startColumn && region.endLine && region.endColumn);
      assert.ok(r.partialFingerprints?.primaryLocationLineHash);
    }
    const bad = results.find((r) => r.ruleId === 'k8s/syntax' && r.level === 'error');
    assert.equal(bad?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'k8s/bad%20file.yaml');
    assert.equal(bad?.locations?.[0]?.physicalLocation?.region?.startLine, 4);
    const warn = results.find((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'w.yaml');
    assert.equal(warn?.level, 'warning');
    assert.deepEqual(warn?.locations?.[0]?.physicalLocation?.region, {
      startLine: 7,
      startColumn: 6,
      endLine: 7,
      endColumn: 13,
    });
  });

  test('fingerprints survive unrelated lines moving, and differ between findings', async () => {
    const before = await sarifOf({ 'w.yaml': WARNING_K8S });
    const shifted = WARNING_K8S.replace('kind: ConfigMap\n', 'kind: ConfigMap\n# a new comment\n\n');
    const after = await sarifOf({ 'w.yaml': shifted });
    const fp = (log: Log) => log.runs[0]?.results?.map((r) => r.partialFingerprints?.primaryLocationLineHash);
    const region = (log: Log) =>
      log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region?.startLine;
    assert.equal(region(before.log), 7);
    assert.equal(region(after.log), 9);
    assert.deepEqual(fp(after.log), fp(before.log));

    const twice = await sarifOf({ 'w.yaml': `${WARNING_K8S}---\n${WARNING_K8S}` });
    const prints = fp(twice.log) ?? [];
    assert.equal(prints.length, 2);
    assert.notEqual(prints[0], prints[1], 'the same line text twice gets distinct fingerprints');
  });
});
