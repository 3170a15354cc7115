/**
 * A batch run (`bulwark check`, `checkedOnce`) runs the Terraform rules once per module and
 * places each finding in its file, instead of once per file. Over every Terraform rule case
 * (each a module: `code` and its `files`), each file must get exactly the findings the
 * file-by-file run gives it, and the module run must have placed every finding itself (no
 * fall-back to file-by-file runs hiding a difference).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import { runTfRules, runTfRulesOnModule } from '../../server/src/core/rules/engine/tf';
import { RULES_BY_DOMAIN } from '../../server/src/core/rules/registry';
import type { TfRule } from '../../server/src/core/rules/types';
import { evaluate } from '../../server/src/core/terraform/evaluate';
import { TerraformChecker } from '../../server/src/core/terraform/check';
import type { Finding } from '../../server/src/core/types';
import { ASSETS, diskHost } from '../helpers/analyzer';
import type { RuleCase } from './cases';
import { DEFAULT_PATHS, loadAllCases } from './loadCases';

const root = mkdtempSync(join(tmpdir(), 'bulwark-tf-module-run-'));
after(() => rmSync(root, { recursive: true, force: true }));

function writeModule(name: string, c: RuleCase): string {
  const dir = join(root, name);
  for (const [name, text] of Object.entries({
    ...c.files,
    [c.path ?? DEFAULT_PATHS.tf ?? 'main.tf']: c.code,
  })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const tfCases = loadAllCases()
  .filter((c) => c.domain === 'tf')
  .flatMap(({ ruleId, cases }) => [...cases.valid, ...cases.invalid].map((c) => ({ ruleId, c })));

const show = (fs: readonly Finding[]) => fs.map((f) => JSON.stringify(f));

describe('Terraform rules run once per module', () => {
  test('every file of every rule case gets the findings of the file-by-file run', async () => {
    const host = diskHost();
    const perFile = await Analyzer.create(host, { assetsDir: ASSETS });
    const batch = await Analyzer.create(host, { assetsDir: ASSETS, checkedOnce: true });
    let files = 0;
    let findings = 0;
    for (const [i, { ruleId, c }] of tfCases.entries()) {
      const dir = writeModule(`analyzed-${i}`, c);
      const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((n) => n.endsWith('.tf'))
        .map((n) => join(dir, n));
      for (const p of paths) {
        const text = host.readFile(p) as string;
        const want = perFile.analyze(p, text).findings;
        assert.deepEqual(show(batch.analyze(p, text).findings), show(want), `${ruleId}: ${c.name}: ${p}`);
        files++;
        findings += want.length;
      }
      for (const p of paths) {
        perFile.forget(p);
        batch.forget(p);
      }
    }
    assert.ok(tfCases.length > 150, `${tfCases.length} cases`);
    assert.ok(files > tfCases.length, `modules of several files among them (${files} files)`);
    assert.ok(findings > 100, `${findings} findings compared`);
  });

  test('the module run places every finding of every case itself', async () => {
    const checker = await TerraformChecker.create(ASSETS);
    const host = diskHost();
    const rules = RULES_BY_DOMAIN.tf;
    for (const [i, { ruleId, c }] of tfCases.entries()) {
      const dir = writeModule(`placed-${i}`, c);
      const module = checker.loadModule(join(dir, c.path ?? 'main.tf'), c.code, host);
      const byFile = runTfRulesOnModule(rules, module, evaluate, {});
      assert.ok(byFile, `${ruleId}: ${c.name}: a finding had no file`);
      for (const f of module.files) {
        assert.deepEqual(
          show(byFile.get(f.path) ?? []),
          show(runTfRules(rules, module, f.path, evaluate, {})),
          `${ruleId}: ${c.name}: ${f.path}`,
        );
      }
    }
  });

  test('a rule that reports a bare range, or asks which file is checked, makes the module run give way', async () => {
    const checker = await TerraformChecker.create(ASSETS);
    const dir = join(root, 'give-way');
    mkdirSync(dir, { recursive: true });
    const code = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
    writeFileSync(join(dir, 'main.tf'), code);
    const module = checker.loadModule(join(dir, 'main.tf'), code, diskHost());
    const meta = { ...(RULES_BY_DOMAIN.tf[0] as TfRule).meta, id: 'tf/test-rule' };
    const bare: TfRule = {
      meta,
      check: (ctx) => ctx.report({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }),
    };
    const asks: TfRule = { meta, check: (ctx) => void ctx.file };
    const placed: TfRule = { meta, check: (ctx) => ctx.blocks('resource').forEach((b) => ctx.report(b)) };
    assert.equal(runTfRulesOnModule([bare], module, evaluate, {}), undefined);
    assert.equal(runTfRulesOnModule([asks], module, evaluate, {}), undefined);
    const byFile = runTfRulesOnModule([placed], module, evaluate, {});
    assert.equal(byFile?.get(join(dir, 'main.tf'))?.length, 1);
  });
});
