// The side panels' data: pure functions from engine data to tree nodes. A real terraform plan with
// a destroy, a replacement and a sensitive value; audit entries filtered; rollout rows from a
// Deployment object; targets grouped by tool; the argument a code lens passes; live status hooks.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { AuditRecord } from '../../client/src/deploy/audit';
import type { DeployDriver, WatchResult } from '../../client/src/deploy/driver';
import { parseWorkload } from '../../client/src/deploy/kubeStatus';
import { auditNodes, filterText } from '../../client/src/deploy/panels/auditNodes';
import type { PanelNode } from '../../client/src/deploy/panels/nodes';
import { observeDriver } from '../../client/src/deploy/panels/observedDriver';
import { PanelState } from '../../client/src/deploy/panels/panelState';
import { planNodes, type PlanRecord } from '../../client/src/deploy/panels/planNodes';
import { rolloutNodes, workloadNode } from '../../client/src/deploy/panels/rolloutNodes';
import { resolveTargetArg, commandArgs } from '../../client/src/deploy/panels/targetArg';
import { targetNodes } from '../../client/src/deploy/panels/targetNodes';
import { ProcessRunner } from '../../client/src/deploy/runner';
import { TerraformBackend } from '../../client/src/deploy/terraform';
import { SENSITIVE } from '../../client/src/deploy/terraformPlan';
import type { DeployTarget } from '../../client/src/deploy/types';
import { environment, TF_TEST_ENV, tempDir } from '../backends/helpers';

function find(nodes: readonly PanelNode[], pred: (n: PanelNode) => boolean): PanelNode | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const c = find(n.children ?? [], pred);
    if (c) return c;
  }
  return undefined;
}

function allText(nodes: readonly PanelNode[]): string {
  return JSON.stringify(nodes);
}

const SECRET = 'hunter2-very-secret-value';

describe('Plan panel with a real terraform plan', () => {
  const tmp = tempDir('panels-tf');
  after(() => tmp.cleanup());
  const target: DeployTarget = { kind: 'terraform', id: 'infra', dir: join(tmp.dir, 'infra'), files: [] };
  const env = environment('dev');
  let nodes: PanelNode[];

  before(async () => {
    const tf = new TerraformBackend({
      runner: new ProcessRunner(),
      stateDir: join(tmp.dir, '.bulwark'),
      env: TF_TEST_ENV,
    });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(target.dir);
    const write = (body: string) => writeFileSync(join(target.dir, 'main.tf'), body);
    write(`
resource "terraform_data" "keep" {
  triggers_replace = "v1"
}
resource "terraform_data" "gone" {
  input = "bye"
}
`);
    await tf.plan(target, env);
    await tf.apply(target, env);
    // Now: "gone" is destroyed, "keep" replaced, "secret" created with a sensitive input.
    write(`
variable "password" {
  type      = string
  sensitive = true
  default   = "${SECRET}"
}
resource "terraform_data" "keep" {
  triggers_replace = "v2"
}
resource "terraform_data" "secret" {
  input = var.password
}
`);
    const r = await tf.plan(target, env);
    const record: PlanRecord = {
      target: target.id,
      kind: 'terraform',
      environment: 'dev',
      time: '2024-05-01T10:00:00.000Z',
      counts: r.summary.counts,
      details: r.summary,
      planDigest: r.manifest.planDigest,
    };
    nodes = planNodes([record]);
  });

  test('the root names target, environment and the counts, and stands out (a destroy)', () => {
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0]!.label, 'infra → dev');
    assert.equal(nodes[0]!.description, '+1 ~0 ±1 -1');
    assert.equal(nodes[0]!.tone, 'danger');
    assert.equal(nodes[0]!.target, 'infra');
  });

  test('each resource change, destroys and replacements first and marked danger', () => {
    const rows = nodes[0]!.children!.map((n) => [n.label, n.description, n.tone, n.icon]);
    assert.deepEqual(rows, [
      ['terraform_data.gone', 'DESTROY', 'danger', 'diff-removed'],
      ['terraform_data.keep', 'REPLACE (destroy, then create)', 'danger', 'replace-all'],
      ['terraform_data.secret', 'create', 'ok', 'diff-added'],
    ]);
    const forcing = find(nodes, (n) => n.id.endsWith('rc:terraform_data.keep/attr:triggers_replace'));
    assert.ok(forcing, 'the attribute forcing the replacement is listed');
    assert.equal(forcing.description, '"v1" → "v2"');
    assert.equal(forcing.tone, 'danger');
  });

  test('the sensitive value is masked and appears nowhere in the panel', () => {
    const input = find(nodes, (n) => n.id.endsWith('rc:terraform_data.secret/attr:input'));
    assert.ok(input);
    assert.equal(input.description, JSON.stringify(SENSITIVE));
    assert.equal(input.icon, 'lock');
    assert.ok(!allText(nodes).includes(SECRET));
  });
});

describe('Plan panel for Kubernetes and Compose, and a failed plan', () => {
  test('kubectl diff: one node per object with its changed lines', () => {
    const [root] = planNodes([
      {
        target: 'k8s',
        kind: 'kubernetes',
        environment: 'staging',
        time: '2024-05-01T10:00:00.000Z',
        counts: { add: 1, change: 1, replace: 0, destroy: 0 },
        details: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            created: false,
            diff: '--- /tmp/LIVE\n+++ /tmp/MERGED\n@@ -1 +1 @@\n-  replicas: 2\n+  replicas: 3\n-  generation: 4',
          },
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            namespace: 'shop',
            name: 'cfg',
            created: true,
            diff: '+kind: ConfigMap',
          },
        ],
      },
    ]);
    assert.deepEqual(
      root!.children!.map((n) => [n.label, n.description]),
      [
        ['Deployment/web', 'shop · change'],
        ['ConfigMap/cfg', 'shop · create'],
      ],
    );
    assert.deepEqual(
      root!.children![0]!.children!.map((n) => [n.label, n.tone]),
      [
        ['-  replicas: 2', 'danger'],
        ['+  replicas: 3', 'ok'],
      ],
    );
  });

  test('compose: services to create / recreate, orphans, the resolved config', () => {
    const [root] = planNodes([
      {
        target: 'app',
        kind: 'compose',
        environment: 'dev',
        time: '2024-05-01T10:00:00.000Z',
        counts: { add: 1, change: 1, replace: 0, destroy: 1 },
        details: {
          project: 'app-dev',
          services: [
            { name: 'db', change: 'create' },
            { name: 'web', change: 'recreate' },
            { name: 'cache', change: 'unchanged' },
          ],
          orphans: ['app-dev-old-1'],
          config: { services: { web: { image: 'web:2', environment: { DB_PASSWORD: '***' } } } },
        },
      },
    ]);
    assert.deepEqual(
      root!.children!.slice(0, 4).map((n) => [n.label, n.description, n.tone]),
      [
        ['db', 'create', 'ok'],
        ['web', 'recreate', 'warning'],
        ['cache', 'unchanged', 'muted'],
        ['app-dev-old-1', 'orphan: removed', 'danger'],
      ],
    );
    const web = find([root!], (n) => n.id.endsWith('/config:web'));
    assert.equal(web?.description, 'web:2');
  });

  test('a failed plan shows its error', () => {
    const [root] = planNodes([
      {
        target: 'infra',
        kind: 'terraform',
        environment: 'dev',
        time: 't',
        error: 'terraform plan failed (exit 1): Error: x',
      },
    ]);
    assert.equal(root!.description, 'plan failed');
    assert.equal(root!.children![0]!.label, 'terraform plan failed (exit 1): Error: x');
  });
});

function rec(id: string, phase: 'start' | 'end', patch: Partial<AuditRecord>): AuditRecord {
  return {
    id,
    phase,
    time: '2024-05-01T10:00:00.000Z',
    user: 'ann',
    host: 'box',
    action: 'deploy',
    tool: 'kubernetes',
    target: 'k8s/app',
    environment: 'prod',
    scope: { context: 'prod-eu', namespace: 'shop' },
    ...patch,
  };
}

describe('Audit Log panel', () => {
  const records: AuditRecord[] = [
    rec('p1', 'start', { action: 'plan', environment: 'staging', time: '2024-05-01T09:00:00.000Z' }),
    rec('p1', 'end', {
      action: 'plan',
      environment: 'staging',
      time: '2024-05-01T09:00:01.000Z',
      result: 'success',
      details: { counts: { add: 1, change: 0, replace: 0, destroy: 0 } },
    }),
    rec('d1', 'start', {
      time: '2024-05-01T10:00:00.000Z',
      git: { commit: 'abcdef0123456789', dirty: true },
    }),
    rec('d1', 'end', {
      time: '2024-05-01T10:00:30.000Z',
      result: 'success',
      durationMs: 30000,
      gates: [{ id: 'window', ok: false, message: 'outside the deployment window' }],
      overrides: [{ gate: 'window', reason: 'hotfix for incident 42' }],
    }),
    rec('d2', 'start', { time: '2024-05-01T11:00:00.000Z' }),
    rec('d2', 'end', { time: '2024-05-01T11:05:00.000Z', result: 'rolled-back', error: 'rollout failed' }),
    rec('r1', 'start', { action: 'rollback', time: '2024-05-01T12:00:00.000Z' }),
  ];

  test('newest first, one row per action, an unfinished one shown as running', () => {
    assert.deepEqual(
      auditNodes(records).map((n) => [n.label, n.description]),
      [
        ['rollback k8s/app → prod', 'running · 2024-05-01 12:00:00'],
        ['deploy k8s/app → prod', 'rolled-back · 2024-05-01 11:05:00'],
        ['deploy k8s/app → prod', 'success · 1 override · 2024-05-01 10:00:30'],
        ['plan k8s/app → staging', 'success · 2024-05-01 09:00:01'],
      ],
    );
  });

  test('filtered by action, environment and result', () => {
    const f = { action: 'deploy' as const, environment: 'prod', result: 'success' as const };
    const rows = auditNodes(records, f);
    assert.deepEqual(
      rows.map((n) => n.id),
      ['audit:d1'],
    );
    assert.equal(filterText(f), 'action=deploy env=prod result=success');
    assert.deepEqual(
      auditNodes(records, { environment: 'staging' }).map((n) => n.id),
      ['audit:p1'],
    );
    assert.equal(auditNodes(records, { action: 'override' })[0]!.label, 'No entry matches action=override');
  });

  test('an entry expands to its details: scope, commit, gates, overrides with reasons', () => {
    const d1 = auditNodes(records, { result: 'success', action: 'deploy' })[0]!;
    const rows = Object.fromEntries(d1.children!.map((n) => [n.label, n.description]));
    assert.equal(rows.scope, 'context prod-eu, namespace shop');
    assert.equal(rows.commit, 'abcdef012345 (uncommitted changes)');
    assert.equal(rows.duration, '30.0 s');
    assert.equal(rows['gate window'], 'outside the deployment window');
    assert.equal(rows['override window'], 'hotfix for incident 42');
  });
});

describe('Rollout Status panel', () => {
  const failing = parseWorkload({
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      generation: 3,
      annotations: { 'deployment.kubernetes.io/revision': '3' },
    },
    spec: { replicas: 3, template: { spec: { containers: [{ image: 'web:fail' }] } } },
    status: {
      observedGeneration: 3,
      replicas: 4,
      updatedReplicas: 1,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "web-5d" has timed out progressing.',
        },
      ],
    },
  });

  test('rows of a workload from a kube status object: counts, revision, image, conditions, failure', () => {
    const n = workloadNode('s', failing);
    assert.equal(n.label, 'Deployment/web');
    assert.equal(n.description, '3/3 ready · rev 3 · failed');
    assert.equal(n.tone, 'danger');
    assert.deepEqual(
      n.children!.map((c) => [c.label, c.description]),
      [
        ['replicas', 'desired 3 · updated 1 · ready 3 · available 3'],
        ['revision', '3'],
        ['image', 'web:fail'],
        ['Available: True', 'MinimumReplicasAvailable'],
        ['Progressing: False', 'ProgressDeadlineExceeded · ReplicaSet "web-5d" has timed out progressing.'],
        ['failed', 'ProgressDeadlineExceeded: ReplicaSet "web-5d" has timed out progressing.'],
      ],
    );
  });

  test('compose services and terraform outputs, sensitive masked; a running rollout says so', () => {
    const nodes = rolloutNodes([
      {
        target: 'app',
        kind: 'compose',
        environment: 'dev',
        time: '2024-05-01T10:00:00.000Z',
        running: true,
        services: [
          { service: 'web', name: 'app-web-1', state: 'running', health: 'healthy', exitCode: 0 },
          { service: 'worker', name: 'app-worker-1', state: 'exited', health: '', exitCode: 4 },
        ],
      },
      {
        target: 'infra',
        kind: 'terraform',
        environment: 'dev',
        time: '2024-05-01T09:00:00.000Z',
        running: false,
        resources: [{ address: 'terraform_data.a', tainted: true }],
        outputs: [
          { name: 'url', sensitive: false, type: 'string', value: 'http://x' },
          { name: 'token', sensitive: true, type: 'string', value: SENSITIVE },
        ],
      },
    ]);
    assert.equal(nodes[0]!.description, 'rolling out…');
    assert.deepEqual(
      nodes[0]!.children!.map((n) => [n.label, n.description, n.tone]),
      [
        ['web', 'running · healthy', 'ok'],
        ['worker', 'exited · exit 4', 'danger'],
      ],
    );
    const tf = nodes[1]!;
    assert.equal(find([tf], (n) => n.label === 'terraform_data.a')?.description, 'tainted: will be replaced');
    assert.equal(find([tf], (n) => n.label === 'token')?.description, SENSITIVE);
    assert.equal(find([tf], (n) => n.label === 'url')?.description, '"http://x"');
  });
});

describe('Targets panel and command arguments', () => {
  const root = '/ws';
  const targets: DeployTarget[] = [
    { kind: 'compose', id: 'app', dir: '/ws/app', files: ['compose.yaml', 'compose.override.yaml'] },
    { kind: 'kubernetes', id: 'k8s', dir: '/ws/k8s', files: ['/ws/k8s/web.yaml', '/ws/k8s/db.yaml'] },
    { kind: 'kubernetes', id: 'overlays/prod', dir: '/ws/overlays/prod', files: [], kustomize: true },
    { kind: 'terraform', id: 'infra', dir: '/ws/infra', files: [] },
  ];

  test('grouped by tool, the current environment first, last plan counts shown', () => {
    const nodes = targetNodes({
      targets,
      environment: environment('prod', { protected: true }),
      plannedCounts: (id) => (id === 'infra' ? { add: 2, change: 0, replace: 0, destroy: 1 } : undefined),
      selectEnvironmentCommand: 'bulwark.selectEnvironment',
    });
    assert.deepEqual(
      nodes.map((n) => [n.label, n.description]),
      [
        ['Environment: prod', 'protected'],
        ['Terraform', '1'],
        ['Kubernetes', '2'],
        ['Compose', '1'],
      ],
    );
    assert.equal(nodes[0]!.command?.command, 'bulwark.selectEnvironment');
    assert.deepEqual(
      nodes[1]!.children!.map((n) => [n.label, n.description, n.contextValue, n.target]),
      [['infra', 'root module · planned +2 ~0 ±0 -1', 'bulwark.target.terraform', 'infra']],
    );
    assert.deepEqual(
      nodes[2]!.children!.map((n) => n.description),
      ['2 manifests', 'kustomize (apply -k)'],
    );
  });

  test('a code lens URI, an explorer Uri, a panel node or an id each name their target', () => {
    const id = (arg: unknown) => resolveTargetArg(arg, targets, root)?.id;
    assert.equal(id(pathToFileURL('/ws/k8s/web.yaml').href), 'k8s'); // kubernetes lens: the manifest
    assert.equal(id(pathToFileURL('/ws/infra').href), 'infra'); // terraform lens: the module folder
    assert.equal(id(pathToFileURL('/ws/app/compose.override.yaml').href), 'app'); // compose lens
    assert.equal(id({ scheme: 'file', fsPath: '/ws/overlays/prod/kustomization.yaml' }), 'overlays/prod');
    assert.equal(id({ target: 'infra', label: 'infra' }), 'infra');
    assert.equal(id({ target: 'k8s/web.yaml' }), 'k8s');
    assert.equal(id(pathToFileURL('/elsewhere/main.tf').href), undefined);
    assert.equal(id(undefined), undefined);
    assert.deepEqual(commandArgs({ target: 'infra', environment: 'dev', interactive: false }), {
      target: 'infra',
      environment: 'dev',
      interactive: false,
    });
    // A Uri is never read as options, and only `false` turns prompts off.
    assert.deepEqual(commandArgs({ scheme: 'file', fsPath: '/x', interactive: false }), {});
    assert.equal(commandArgs({ interactive: 'no' }).interactive, undefined);
  });
});

describe('live status while a rollout runs', () => {
  test('the observed driver reports apply, polls while the watch runs, then stops and reports the end', async () => {
    const events: string[] = [];
    let finishWatch!: (r: WatchResult) => void;
    let polls = 0;
    let secondPoll!: () => void;
    const polledTwice = new Promise<void>((r) => (secondPoll = r));
    const inner = {
      kind: 'kubernetes',
      apply: async () => ({ handle: { workloads: [] }, summary: 'applied deployment/web' }),
      watch: () => new Promise<WatchResult>((r) => (finishWatch = r)),
    } as unknown as DeployDriver;
    const target: DeployTarget = { kind: 'kubernetes', id: 'k8s', dir: '/ws/k8s', files: [] };
    const env = environment('dev');
    const driver = observeDriver(
      inner,
      {
        applied: (_t, _e, a) => events.push(`applied ${a.summary}`),
        poll: async () => {
          polls++;
          if (polls === 2) secondPoll();
        },
        watched: (_t, _e, r) => events.push(`watched ok=${r.ok}`),
      },
      1,
    );
    const applied = await driver.apply(target, env, {});
    const watching = driver.watch(target, env, applied, {});
    await polledTwice;
    finishWatch({ ok: false, failures: [{ name: 'deployment/web', reason: 'ProgressDeadlineExceeded' }] });
    const r = await watching;
    const after = polls;
    assert.equal(r.ok, false);
    assert.deepEqual(events, ['applied applied deployment/web', 'watched ok=false']);
    // Give a stray timer the chance to fire: a poll after the watch ended would show here.
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(polls, after);
  });

  test('panel state merges status updates and tells listeners', () => {
    const s = new PanelState();
    const seen: string[] = [];
    const sub = s.onChange((w) => seen.push(w));
    s.updateStatus({ target: 'k8s', kind: 'kubernetes', environment: 'dev', running: true, note: 'applied' });
    s.updateStatus({ target: 'k8s', kind: 'kubernetes', environment: 'dev', running: false });
    s.setPlan({ target: 'k8s', kind: 'kubernetes', environment: 'dev', time: 't' });
    sub.dispose();
    s.setPlan({ target: 'x', kind: 'kubernetes', environment: 'dev', time: 't' });
    assert.deepEqual(seen, ['status', 'status', 'plan']);
    assert.equal(s.status('k8s', 'dev')?.note, 'applied');
    assert.equal(s.status('k8s', 'dev')?.running, false);
    assert.equal(s.allPlans().length, 2);
  });
});
