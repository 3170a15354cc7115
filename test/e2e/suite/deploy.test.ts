// Real deploys through the Bulwark commands in the extension host: the terraform_data fixture is
// planned and deployed to `dev` with the modal confirmation answered as a user would, then checked
// in the terraform state, the Rollout Status panel and the audit log; a module whose local-exec
// fails reports the failure; the protected `prod` refuses a wrongly typed name and records it.
// Kubernetes: the real kubectl against the kube test API server the e2e runner started (KUBECONFIG
// in this process's environment): a Deployment rolls out to ready; a failing image ends in the
// offered rollback, accepted, and `rollout undo` brings the old image back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { answering, extensionVscode, type Prompt } from './answers';
import { bulwark, metrics } from './helpers';

interface Node {
  id: string;
  label: string;
  description?: string;
  children?: Node[];
}

interface Api {
  panelNodes(view: 'targets' | 'plan' | 'rolloutStatus' | 'auditLog'): Node[];
}

interface Result {
  status: string;
  message: string;
  counts?: { add: number; change: number; replace: number; destroy: number };
}

interface AuditRecord {
  id: string;
  phase: 'start' | 'end';
  action: string;
  target: string;
  environment: string;
  scope: { workspace?: string };
  result?: string;
  error?: string;
}

const TF_TARGET = 'deploy/terraform';
const KUBE_TARGET = 'deploy/k8s';
const FAILING_TARGET = 'deploy/terraform-failing';
/** The value of the fixture's sensitive output: it must appear nowhere the user or the log sees. */
const SECRET = 'bulwark-e2e-secret-7f3a9c51';

let api: Api;

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the deploy suite needs the fixture workspace open');
  return folder.uri.fsPath;
}

/** `terraform state list` of a fixture module in a workspace, run as the user would. */
function stateList(target: string, workspace: string): string[] {
  const r = spawnSync('terraform', ['state', 'list'], {
    cwd: join(root(), target),
    encoding: 'utf8',
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: '/dev/null',
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_WORKSPACE: workspace,
    },
  });
  if (r.status !== 0) {
    if (/No state file was found/i.test(r.stderr)) return [];
    throw new Error(`terraform state list failed (${r.status}): ${r.stderr}`);
  }
  return r.stdout.split('\n').filter(Boolean).sort();
}

function auditText(): string {
  return readFileSync(join(root(), '.bulwark', 'audit.jsonl'), 'utf8');
}

/** The start and end record of the newest action of this kind on target → environment. */
function lastAction(action: string, target: string, environment: string): AuditRecord[] {
  const records = auditText()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditRecord)
    .filter((r) => r.action === action && r.target === target && r.environment === environment);
  const last = records.at(-1);
  assert.ok(last, `an audit record of ${action} ${target} → ${environment}`);
  return records.filter((r) => r.id === last.id);
}

/** kubectl as the user would run it, against the test API server of the run. */
function kubectl(args: string[]): string {
  const r = spawnSync('kubectl', ['--context', 'test-ctx', '--namespace', 'shop', ...args], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Deploys, answering the modal with "Deploy" and a rollback offer with `rollback`. */
function deployKube(rollback: 'Roll back' | 'Leave it') {
  return answering(
    (p) => {
      if (p.kind === 'warning' && p.modal) return 'Deploy';
      if (p.items.includes('Roll back')) return rollback;
      return undefined;
    },
    () =>
      vscode.commands.executeCommand<Result>('bulwark.deploy', { target: KUBE_TARGET, environment: 'dev' }),
  );
}

function plan(target: string, environment: string): Thenable<Result> {
  return vscode.commands.executeCommand<Result>('bulwark.plan', { target, environment, interactive: false });
}

/** Deploys with the dialogs answered: "Deploy" on the modal, `typed` in the protected-name box. */
function deploy(target: string, environment: string, typed?: string) {
  return answering(
    (p) => {
      if (p.kind === 'warning' && p.modal) return 'Deploy';
      if (p.kind === 'input' && / is protected/.test(p.message)) return typed;
      return undefined; // anything else (an override reason, a rollback offer) is declined
    },
    () => vscode.commands.executeCommand<Result>('bulwark.deploy', { target, environment }),
  );
}

function confirmation(prompts: Prompt[]): Prompt {
  const modal = prompts.filter((p) => p.kind === 'warning' && p.modal);
  assert.equal(modal.length, 1, `one modal confirmation; asked: ${JSON.stringify(prompts)}`);
  return modal[0]!;
}

function find(nodes: Node[] | undefined, label: string): Node {
  const n = nodes?.find((x) => x.label === label);
  assert.ok(n, `"${label}" among ${(nodes ?? []).map((x) => x.label).join(', ')}`);
  return n;
}

export function registerDeployTests(): void {
  if (!vscode.workspace.isTrusted) return; // untrusted: panels.test.ts checks that deploy refuses
  describe('deploy through VS Code', () => {
    before(async () => {
      api = (await bulwark().activate()) as Api;
      assert.notEqual(
        extensionVscode().window,
        vscode.window,
        'the dialogs are replaced on the API object Bulwark was given, not on the test’s own',
      );
    });

    it('deploys the terraform module to dev after a confirmation naming target, environment, workspace and counts', async () => {
      const planned = await plan(TF_TARGET, 'dev');
      assert.equal(planned.status, 'done', planned.message);
      assert.deepEqual(planned.counts, { add: 2, change: 0, replace: 0, destroy: 0 });
      const started = Date.now();
      const { value: r, prompts } = await deploy(TF_TARGET, 'dev');
      metrics.terraformDeployCommandMs = Date.now() - started;
      assert.equal(r.status, 'done', `${r.message}; asked: ${JSON.stringify(prompts)}`);
      const ask = confirmation(prompts);
      assert.equal(
        ask.message,
        `Deploy ${TF_TARGET} to dev (workspace default): 2 to add, 0 to change, 0 to replace, 0 to destroy.`,
      );
      assert.deepEqual(ask.items, ['Deploy']);
      assert.match(ask.detail ?? '', /✓ window: /, 'the gate results are shown with it');
      assert.ok(!prompts.some((p) => p.kind === 'input'), 'no override and no typed name for dev');
      assert.ok(prompts.some((p) => p.kind === 'info' && p.message === `Bulwark: ${r.message}`));

      assert.deepEqual(stateList(TF_TARGET, 'default'), ['terraform_data.db', 'terraform_data.web']);

      const status = find(api.panelNodes('rolloutStatus'), `${TF_TARGET} → dev`);
      assert.notEqual(status.description, 'failed');
      assert.deepEqual(
        find(status.children, 'Resources (2)').children?.map((n) => n.label),
        ['terraform_data.db', 'terraform_data.web'],
      );
      const outputs = find(status.children, 'Outputs (2)').children ?? [];
      assert.equal(find(outputs, 'api_token').description, '(sensitive value)');
      assert.match(find(outputs, 'web').description ?? '', /web-v1/);
      assert.ok(!JSON.stringify(api.panelNodes('rolloutStatus')).includes(SECRET), 'secret in a panel');
      assert.ok(!JSON.stringify(api.panelNodes('plan')).includes(SECRET), 'secret in the Plan panel');

      const [start, end] = lastAction('deploy', TF_TARGET, 'dev');
      assert.equal(start?.phase, 'start');
      assert.equal(end?.phase, 'end');
      assert.equal(end?.result, 'success');
      assert.equal(end?.error, undefined);
      assert.deepEqual(end?.scope, { workspace: 'default' });
      assert.ok(!auditText().includes(SECRET), 'the sensitive output value is in .bulwark/audit.jsonl');
      const row = api.panelNodes('auditLog').find((n) => n.label === `deploy ${TF_TARGET} → dev`);
      assert.match(row?.description ?? '', /^success · /);
    });

    it('a deploy whose local-exec fails reports the failure, keeps the state and records the error', async () => {
      const planned = await plan(FAILING_TARGET, 'dev');
      assert.equal(planned.status, 'done', planned.message);
      assert.deepEqual(planned.counts, { add: 2, change: 0, replace: 0, destroy: 0 });
      const { value: r, prompts } = await deploy(FAILING_TARGET, 'dev');
      assert.equal(r.status, 'failed', r.message);
      assert.match(r.message, /local-exec/);
      confirmation(prompts);
      const shown = prompts.find((p) => p.kind === 'error');
      assert.ok(shown, `the failure is shown; asked: ${JSON.stringify(prompts)}`);
      assert.match(shown.message, /^Bulwark deploy failure: /);

      // terraform_data.ok was created before the provisioner failed; boom is kept as tainted.
      assert.deepEqual(stateList(FAILING_TARGET, 'default'), ['terraform_data.boom', 'terraform_data.ok']);
      const status = find(api.panelNodes('rolloutStatus'), `${FAILING_TARGET} → dev`);
      const boom = find(find(status.children, 'Resources (2)').children, 'terraform_data.boom');
      assert.equal(boom.description, 'tainted: will be replaced');

      const [start, end] = lastAction('deploy', FAILING_TARGET, 'dev');
      assert.equal(start?.phase, 'start');
      assert.equal(end?.result, 'failure');
      assert.match(end?.error ?? '', /local-exec/);
      const row = api.panelNodes('auditLog').find((n) => n.label === `deploy ${FAILING_TARGET} → dev`);
      assert.match(row?.description ?? '', /^failure · /);
    });

    it('the protected prod refuses a wrongly typed name, applies nothing and records the refusal', async () => {
      const planned = await plan(TF_TARGET, 'prod');
      assert.equal(planned.status, 'done', planned.message);
      const { value: r, prompts } = await deploy(TF_TARGET, 'prod', 'prdo');
      assert.equal(r.status, 'refused', r.message);
      assert.equal(r.message, 'prod is protected: type "prod" exactly to confirm (got "prdo").');
      assert.equal(
        confirmation(prompts).message,
        `Deploy ${TF_TARGET} to prod (workspace prod): 2 to add, 0 to change, 0 to replace, 0 to destroy. prod is protected: type its name to confirm.`,
      );
      const typed = prompts.filter((p) => p.kind === 'input');
      assert.deepEqual(
        typed.map((p) => p.message),
        [`prod is protected: Type "prod" to deploy ${TF_TARGET}`],
      );
      assert.deepEqual(stateList(TF_TARGET, 'prod'), [], 'nothing was applied to prod');

      const [start, end] = lastAction('deploy', TF_TARGET, 'prod');
      assert.equal(start?.phase, 'start');
      assert.equal(end?.result, 'refused');
      assert.equal(end?.error, r.message, 'the refusal is recorded with its reason');
      assert.deepEqual(end?.scope, { workspace: 'prod' });
    });

    it('deploys a Deployment with the real kubectl; the Rollout Status panel shows it ready', async () => {
      assert.ok(process.env.KUBECONFIG, 'the e2e runner starts the kube test API server (KUBECONFIG)');
      const planned = await plan(KUBE_TARGET, 'dev');
      assert.equal(planned.status, 'done', planned.message);
      assert.equal(planned.message, 'Deployment/web: create');
      const started = Date.now();
      const { value: r, prompts } = await deployKube('Leave it');
      metrics.kubeDeployCommandMs = Date.now() - started;
      assert.equal(r.status, 'done', `${r.message}; asked: ${JSON.stringify(prompts)}`);
      assert.equal(
        confirmation(prompts).message,
        `Deploy ${KUBE_TARGET} to dev (context test-ctx, namespace shop): Deployment/web: create.`,
      );
      const status = find(api.panelNodes('rolloutStatus'), `${KUBE_TARGET} → dev`);
      const web = find(status.children, 'Deployment/web');
      assert.equal(web.description, '3/3 ready · rev 1 · complete');
      assert.equal(
        find(web.children, 'replicas').description,
        'desired 3 · updated 3 · ready 3 · available 3',
      );
      assert.equal(kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.status.readyReplicas}']), '3');
      const [, end] = lastAction('deploy', KUBE_TARGET, 'dev');
      assert.equal(end?.result, 'success');
      assert.deepEqual(end?.scope, { context: 'test-ctx', namespace: 'shop' });
    });

    it('a failing image ends in the offered rollback; accepted, rollout undo brings the old image back', async () => {
      const file = join(root(), KUBE_TARGET, 'deployment.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('example/web:1', 'example/web-fail:2'));
      const { value: r, prompts } = await deployKube('Roll back');
      assert.equal(r.status, 'failed', r.message);
      assert.match(r.message, /^rollout failed \(deployment\.apps\/web: .*ProgressDeadlineExceeded/);
      const offer = prompts.find((p) => p.items.includes('Roll back'));
      assert.ok(offer, `the rollback is offered; asked: ${JSON.stringify(prompts)}`);
      assert.match(
        offer.message,
        new RegExp(`^Rollout of ${KUBE_TARGET} to dev failed: deployment.apps/web: `),
      );
      assert.deepEqual(offer.items, ['Roll back', 'Leave it']);

      // Revision 2 (the failing image) was undone: the old template is back, as revision 3.
      const images = kubectl([
        'get',
        'deployment',
        'web',
        '-o',
        'jsonpath={.spec.template.spec.containers[*].image}',
      ]);
      assert.equal(images, 'example/web:1');
      const revision = kubectl([
        'get',
        'deployment',
        'web',
        '-o',
        'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}',
      ]);
      assert.equal(revision, '3');
      const [rbStart, rbEnd] = lastAction('rollback', KUBE_TARGET, 'dev');
      assert.equal(rbStart?.phase, 'start');
      assert.equal(rbEnd?.result, 'success');
      const [, end] = lastAction('deploy', KUBE_TARGET, 'dev');
      assert.equal(end?.result, 'rolled-back');
      const web = find(
        find(api.panelNodes('rolloutStatus'), `${KUBE_TARGET} → dev`).children,
        'Deployment/web',
      );
      assert.match(web.description ?? '', /· rev 3 · /);
    });
  });
}
