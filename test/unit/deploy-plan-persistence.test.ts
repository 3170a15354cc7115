// The Plan panel across reloads: which plans found on disk are restored (pure, table-driven), when
// one is stale, and the round trip through panel.json (redacted) for a Kubernetes target.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { PanelNode } from '../../client/src/deploy/panels/nodes';
import { planNodes, type PlanRecord } from '../../client/src/deploy/panels/planNodes';
import {
  PANEL_FILE,
  readStoredPlans,
  restorePlanRecords,
  savePlanRecord,
  targetDigest,
  type StoredPlan,
} from '../../client/src/deploy/panels/planPersistence';
import { moduleDigest, PlanStore, type PlanManifest } from '../../client/src/deploy/planStore';
import { Redactor } from '../../client/src/deploy/redact';
import type { DeployTarget } from '../../client/src/deploy/types';
import { environment, tempDir } from '../backends/helpers';

const COUNTS = { add: 2, change: 0, replace: 0, destroy: 0 };
const TF: DeployTarget = { kind: 'terraform', id: 'infra', dir: '/ws/infra', files: [] };
const KUBE: DeployTarget = { kind: 'kubernetes', id: 'k8s', dir: '/ws/k8s', files: ['app.yaml'] };

function manifest(patch: Partial<PlanManifest> = {}): PlanManifest {
  return {
    target: 'infra',
    environment: 'dev',
    workspace: 'default',
    varFiles: ['dev.tfvars'],
    createdAt: '2025-01-02T03:04:05.000Z',
    filesDigest: 'digest-1',
    planDigest: 'plan-1',
    counts: COUNTS,
    ...patch,
  };
}

function record(patch: Partial<PlanRecord> = {}): PlanRecord {
  return {
    target: 'infra',
    kind: 'terraform',
    environment: 'dev',
    time: '2025-01-02T03:04:06.000Z',
    counts: COUNTS,
    planDigest: 'plan-1',
    details: { changes: [], drift: [], outputs: [], counts: COUNTS },
    ...patch,
  };
}

function saved(r: PlanRecord, filesDigest = 'digest-1', extraFiles: string[] = []) {
  return { version: 1 as const, record: r, filesDigest, extraFiles };
}

interface Case {
  name: string;
  stored: StoredPlan;
  /** The digest the files have now. */
  now?: string;
  expect: Partial<PlanRecord> | undefined;
}

const CASES: Case[] = [
  {
    name: 'a deployable terraform plan comes back with its details, not stale',
    stored: { saved: saved(record()), manifest: manifest(), planFileExists: true },
    expect: { target: 'infra', planDigest: 'plan-1', restored: true, stale: undefined },
  },
  {
    name: 'module files changed since: stale (the manifest digest counts, with its var files)',
    stored: { saved: saved(record(), 'other'), manifest: manifest(), planFileExists: true },
    now: 'digest-2',
    expect: {
      stale: 'stale: files changed since this plan (2025-01-02T03:04:06.000Z); plan again before deploying',
    },
  },
  {
    name: 'the plan file is gone (applied or discarded): not shown',
    stored: { saved: saved(record()), manifest: manifest(), planFileExists: false },
    expect: undefined,
  },
  {
    name: 'a successful terraform plan without its manifest (a deploy consumed it): not shown',
    stored: { saved: saved(record()), planFileExists: false },
    expect: undefined,
  },
  {
    name: 'a failed terraform plan is shown with its error, never stale',
    stored: { saved: saved(record({ error: 'Error: boom', counts: undefined })), planFileExists: false },
    now: 'digest-2',
    expect: { error: 'Error: boom', stale: undefined },
  },
  {
    name: 'panel.json of another plan than the manifest: the manifest wins, counts only',
    stored: { saved: saved(record({ planDigest: 'old' })), manifest: manifest(), planFileExists: true },
    expect: { planDigest: 'plan-1', time: '2025-01-02T03:04:05.000Z', details: undefined, counts: COUNTS },
  },
  {
    name: 'a manifest alone (plan made by an older version or the CLI) is restored with its counts',
    stored: { manifest: manifest(), planFileExists: true },
    expect: { kind: 'terraform', environment: 'dev', counts: COUNTS, details: undefined },
  },
  {
    name: 'a kubectl diff plan comes back, stale when its manifests changed',
    stored: {
      saved: saved(record({ target: 'k8s', kind: 'kubernetes', planDigest: undefined, counts: undefined })),
      planFileExists: false,
    },
    now: 'digest-2',
    expect: { kind: 'kubernetes', stale: /stale: files changed since/ as unknown as string },
  },
  {
    name: 'a target that no longer exists is dropped',
    stored: { saved: saved(record({ target: 'gone', kind: 'kubernetes' })), planFileExists: false },
    expect: undefined,
  },
  {
    name: 'a target of another tool under the same id is dropped',
    stored: { saved: saved(record({ target: 'k8s', kind: 'compose' })), planFileExists: false },
    expect: undefined,
  },
];

describe('restorePlanRecords', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const asked: [string, readonly string[]][] = [];
      const out = restorePlanRecords([c.stored], [TF, KUBE], (t, extra) => {
        asked.push([t.id, extra]);
        return c.now ?? 'digest-1';
      });
      if (c.expect === undefined) {
        assert.deepEqual(out, []);
        return;
      }
      assert.equal(out.length, 1);
      for (const [k, v] of Object.entries(c.expect)) {
        const actual = (out[0] as unknown as Record<string, unknown>)[k];
        if (v instanceof RegExp) assert.match(String(actual), v, k);
        else assert.deepEqual(actual, v, k);
      }
      if (c.stored.manifest && !out[0]!.error)
        assert.deepEqual(asked, [['infra', ['dev.tfvars']]], 'terraform digests with the manifest var files');
    });
  }
});

function labels(nodes: readonly PanelNode[] | undefined): string[] {
  return (nodes ?? []).map((n) => n.label);
}

describe('the Plan panel of restored plans', () => {
  test('a stale plan says so first and in its description', () => {
    const [root] = planNodes([record({ restored: true, stale: 'stale: files changed since this plan (t)' })]);
    assert.equal(root?.description, '+2 ~0 ±0 -0 · stale');
    assert.equal(root?.icon, 'warning');
    assert.equal(root?.children?.[0]?.label, 'stale: files changed since this plan (t)');
    assert.match(root?.tooltip ?? '', /\(restored\)/);
  });

  test('a terraform plan restored from its manifest alone shows its counts', () => {
    const [root] = planNodes([record({ details: undefined, restored: true })]);
    assert.equal(root?.description, '+2 ~0 ±0 -0');
    assert.deepEqual(labels(root?.children), ['Restored from the saved plan: counts only']);
  });
});

describe('panel.json on disk', () => {
  const tmp = tempDir('plan-persist');
  after(() => tmp.cleanup());

  test('a kubectl diff plan round-trips redacted, and turns stale when a manifest changes', () => {
    const dir = join(tmp.dir, 'k8s');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app.yaml'), 'kind: Deployment\n');
    const target: DeployTarget = { kind: 'kubernetes', id: 'k8s', dir, files: [join(dir, 'app.yaml')] };
    const stateDir = join(tmp.dir, '.bulwark');
    const secret = 's3cr3t-value-0042';
    const r = record({
      target: 'k8s',
      kind: 'kubernetes',
      counts: undefined,
      planDigest: undefined,
      details: [{ object: 'secret/db', change: 'change', lines: [`+  token: ${secret}`] }],
    });
    savePlanRecord(stateDir, r, target, environment('dev'), new Redactor([secret]));
    const file = join(new PlanStore(stateDir).dir('k8s', 'dev'), PANEL_FILE);
    assert.ok(!readFileSync(file, 'utf8').includes(secret), 'the secret reached panel.json');

    const fresh = restorePlanRecords(readStoredPlans(stateDir), [target], targetDigest);
    assert.equal(fresh.length, 1);
    assert.equal(fresh[0]?.stale, undefined);
    assert.deepEqual(fresh[0]?.details, [
      { object: 'secret/db', change: 'change', lines: ['+  token: ***'] },
    ]);

    writeFileSync(join(dir, 'app.yaml'), 'kind: Deployment\nmetadata: { name: web }\n');
    const stale = restorePlanRecords(readStoredPlans(stateDir), [target], targetDigest);
    assert.match(stale[0]?.stale ?? '', /^stale: files changed since this plan/);
  });

  test('terraform targets use the plan manifest digest, so stale matches what deploy refuses', () => {
    const dir = join(tmp.dir, 'infra');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf'), 'resource "terraform_data" "a" {}\n');
    writeFileSync(join(dir, 'dev.tfvars'), 'x = 1\n');
    const target: DeployTarget = { kind: 'terraform', id: 'infra', dir, files: [] };
    assert.equal(targetDigest(target, ['dev.tfvars']), moduleDigest(dir, ['dev.tfvars']));
  });

  test('a torn panel.json is ignored, not thrown', () => {
    const stateDir = join(tmp.dir, 'torn', '.bulwark');
    const d = new PlanStore(stateDir).dir('k8s', 'dev');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, PANEL_FILE), '{"version":1,"rec');
    assert.deepEqual(readStoredPlans(stateDir), []);
  });
});
