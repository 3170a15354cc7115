// Extension-host tests of the Bulwark side panels in the fixture workspace: the activity-bar
// container and its views are registered, Targets lists the fixture's targets, Plan run through
// its command (real terraform, terraform_data only) fills the Plan panel and the Audit Log.
// Untrusted: plan, deploy and status refuse. The trees are read through the extension's API.
import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
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

const VIEWS = [
  'bulwark.view.targets',
  'bulwark.view.plan',
  'bulwark.view.rolloutStatus',
  'bulwark.view.auditLog',
];
const TF_TARGET = 'deploy/terraform';
/** Never prompt: anything that would need an answer is refused instead (tests only pass this). */
const NON_INTERACTIVE = { target: TF_TARGET, environment: 'dev', interactive: false };

let api: Api;

function labels(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((n) => n.label);
}

export function registerPanelTests(): void {
  describe('deploy panels', () => {
    before(async () => {
      api = (await bulwark().activate()) as Api;
      assert.equal(typeof api?.panelNodes, 'function', 'activate() returns the panel API');
    });

    it('registers the Bulwark activity-bar container with Targets, Plan, Rollout Status and Audit Log', async () => {
      const manifest = bulwark().packageJSON as {
        contributes: {
          viewsContainers: { activitybar: { id: string }[] };
          views: Record<string, { id: string }[]>;
        };
      };
      assert.ok(manifest.contributes.viewsContainers.activitybar.some((c) => c.id === 'bulwark'));
      assert.deepEqual(
        manifest.contributes.views.bulwark?.map((v) => v.id),
        VIEWS,
      );
      const commands = new Set(await vscode.commands.getCommands(true));
      for (const v of VIEWS) assert.ok(commands.has(`${v}.focus`), `${v}.focus is registered`);
      await vscode.commands.executeCommand('workbench.view.extension.bulwark');
      await vscode.commands.executeCommand('bulwark.view.targets.focus');
    });

    it('lists the workspace targets grouped by tool, with the current environment', () => {
      const nodes = api.panelNodes('targets');
      assert.equal(nodes[0]?.label, 'Environment: dev');
      const terraform = nodes.find((n) => n.label === 'Terraform');
      assert.ok(terraform, `a Terraform group among ${labels(nodes).join(', ')}`);
      assert.ok(labels(terraform.children).includes(TF_TARGET), labels(terraform.children).join(', '));
      assert.ok(nodes.some((n) => n.label === 'Compose'));
      assert.ok(nodes.some((n) => n.label === 'Kubernetes'));
    });

    if (vscode.workspace.isTrusted) {
      it('Plan through its command fills the Plan panel with the counts of the real terraform plan', async () => {
        const started = Date.now();
        const r = await vscode.commands.executeCommand<Result>('bulwark.plan', NON_INTERACTIVE);
        metrics.terraformPlanCommandMs = Date.now() - started;
        assert.equal(r.status, 'done', r.message);
        assert.deepEqual(r.counts, { add: 2, change: 0, replace: 0, destroy: 0 });
        const root = api.panelNodes('plan').find((n) => n.label === `${TF_TARGET} → dev`);
        assert.ok(root, labels(api.panelNodes('plan')).join(', '));
        assert.equal(root.description, '+2 ~0 ±0 -0');
        assert.deepEqual(
          root.children?.map((n) => [n.label, n.description]),
          [
            ['terraform_data.db', 'create'],
            ['terraform_data.web', 'create'],
            ['Outputs: 2 changes', undefined],
          ],
        );
        // Targets show the plan of the current environment next to the target.
        const tf = api.panelNodes('targets').find((n) => n.label === 'Terraform');
        assert.match(
          tf?.children?.find((n) => n.label === TF_TARGET)?.description ?? '',
          /planned \+2 ~0 ±0 -0/,
        );
      });

      it('the Audit Log shows the plan, and a filter by action keeps it', async () => {
        const row = (nodes: Node[]) => nodes.find((n) => n.label === `plan ${TF_TARGET} → dev`);
        const plan = row(api.panelNodes('auditLog'));
        assert.ok(plan, labels(api.panelNodes('auditLog')).join(', '));
        assert.match(plan.description ?? '', /^success · /);
        assert.ok(
          plan.children?.some(
            (c) => c.label === 'changes' && c.description === 'add 2, change 0, replace 0, destroy 0',
          ),
        );
        await vscode.commands.executeCommand('bulwark.filterAuditLog', { action: 'deploy' });
        assert.equal(row(api.panelNodes('auditLog')), undefined, 'filtered out');
        await vscode.commands.executeCommand('bulwark.filterAuditLog', {
          action: 'plan',
          environment: 'dev',
        });
        assert.ok(row(api.panelNodes('auditLog')));
        await vscode.commands.executeCommand('bulwark.filterAuditLog', {});
      });

      it('a deploy without the modal confirmation is refused and recorded, never applied', async () => {
        const r = await vscode.commands.executeCommand<Result>('bulwark.deploy', NON_INTERACTIVE);
        assert.equal(r.status, 'refused');
        assert.equal(r.message, 'deploy not confirmed');
        const row = api.panelNodes('auditLog').find((n) => n.label === `deploy ${TF_TARGET} → dev`);
        assert.match(row?.description ?? '', /^refused · /);
      });
    } else {
      it('plan, deploy and status refuse in an untrusted workspace', async () => {
        for (const id of ['bulwark.plan', 'bulwark.deploy', 'bulwark.rolloutStatus', 'bulwark.rollback']) {
          const r = await vscode.commands.executeCommand<Result>(id, NON_INTERACTIVE);
          assert.equal(r.status, 'refused', id);
          assert.match(r.message, /untrusted workspace/, id);
        }
        assert.equal(api.panelNodes('plan')[0]?.id, 'empty', 'no plan was made');
      });
    }
  });
}
