// Real terraform (terraform_data only, offline): plan counts, saved-plan apply, stale plan, masking.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isDeployError } from '../../client/src/deploy/errors';
import { ProcessRunner } from '../../client/src/deploy/runner';
import { TerraformBackend } from '../../client/src/deploy/terraform';
import { SENSITIVE } from '../../client/src/deploy/terraformPlan';
import type { DeployTarget } from '../../client/src/deploy/types';
import { collectingSink, copyFixture, environment, TF_TEST_ENV, tempDir } from './helpers';

const SECRET = 's3cr3t-hunter2-value';

describe('terraform backend (real terraform)', () => {
  const tmp = tempDir('tf');
  after(tmp.cleanup);
  let target: DeployTarget;
  let tf: TerraformBackend;

  before(() => {
    const dir = copyFixture('terraform/basic', tmp.dir);
    target = { kind: 'terraform', id: 'infra/basic', dir, files: [] };
    tf = new TerraformBackend({
      runner: new ProcessRunner(),
      stateDir: join(tmp.dir, '.bulwark'),
      env: TF_TEST_ENV,
    });
  });

  test('plans a fresh module: 4 to add, the plan saved per target and environment', async () => {
    const out = collectingSink();
    const r = await tf.plan(target, environment('dev'), { sink: out.sink });
    assert.deepEqual(r.summary.counts, { add: 4, change: 0, replace: 0, destroy: 0 });
    assert.deepEqual(r.summary.changes.map((c) => c.address).sort(), [
      'terraform_data.app',
      'terraform_data.db',
      'terraform_data.pinned',
      'terraform_data.step',
    ]);
    assert.ok(existsSync(r.planFile));
    assert.ok(r.planFile.includes(join('.bulwark', 'plans')));
    assert.match(r.manifest.planDigest, /^[0-9a-f]{64}$/);
    const db = r.summary.changes.find((c) => c.address === 'terraform_data.db');
    assert.equal((db?.after as Record<string, unknown>).input, SENSITIVE);
    assert.ok(!JSON.stringify(r.summary).includes(SECRET), 'no secret in the plan summary');
    assert.ok(!out.lines.join('\n').includes(SECRET), 'no secret in the streamed output');
  });

  test('applies exactly the saved plan; outputs mask sensitive values', async () => {
    const r = await tf.apply(target, environment('dev'));
    const byName = Object.fromEntries(r.outputs.map((o) => [o.name, o]));
    assert.equal(byName.app?.value, 'one');
    assert.equal(byName.db_password?.value, SENSITIVE);
    assert.equal(tf.plans.load(target.id, 'dev'), undefined, 'a used plan is discarded');
    const resources = await tf.resources(target, environment('dev'));
    assert.equal(resources.length, 4);
  });

  test('a changed variable shows update, replace and the secret stays masked in before/after', async () => {
    writeFileSync(join(target.dir, 'staging.tfvars'), 'name = "two"\n');
    const env = environment('staging', { terraform: { varFiles: ['staging.tfvars'] } });
    const r = await tf.plan(target, env);
    assert.deepEqual(r.summary.counts, { add: 0, change: 2, replace: 1, destroy: 0 });
    assert.equal(r.summary.changes.find((c) => c.address === 'terraform_data.pinned')?.kind, 'replace');
    assert.ok(!JSON.stringify(r.summary).includes(SECRET));
  });

  test('a plan older than its files is refused with a clear error', async () => {
    const env = environment('dev');
    await tf.plan(target, env);
    appendFileSync(join(target.dir, 'main.tf'), '\n# edited after review\n');
    await assert.rejects(tf.apply(target, env), (e: unknown) => {
      assert.ok(isDeployError(e, 'stale-plan'));
      assert.match(e.message, /older than the files it came from/);
      return true;
    });
  });

  test('a workspace per environment keeps separate state', async () => {
    const env = environment('qa', { terraform: { workspace: 'qa', varFiles: [] } });
    const r = await tf.plan(target, env);
    assert.equal(r.manifest.workspace, 'qa');
    assert.equal(r.summary.counts.add, 4, 'the qa workspace starts empty');
  });
});
