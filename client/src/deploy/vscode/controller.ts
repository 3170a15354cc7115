/**
 * The editor side of deploys: environment status bar item, Plan / Deploy / Rollback / Audit
 * commands over the engine in ../, a progress notification with Cancel and an output channel.
 * All decisions live in the engine; this file only asks the user and shows results.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../../server/src/protocol';
import { AuditLog, auditHistory } from '../audit';
import { ComposeBackend } from '../compose';
import { ComposeDriver } from '../composeDriver';
import type { DeployDriver } from '../driver';
import { environmentsFromConfigText } from '../environments';
import type { Finding } from '../guardrails';
import { KubernetesBackend } from '../kubernetes';
import { KubernetesDriver, manifestDocs } from '../kubernetesDriver';
import {
  DeployOrchestrator,
  type ConfirmationAnswer,
  type ConfirmationRequest,
  type RollbackOffer,
} from '../orchestrator';
import { Redactor } from '../redact';
import { ProcessRunner } from '../runner';
import { discoverTargets, targetLabel } from '../targets';
import { TerraformBackend } from '../terraform';
import { TerraformDriver } from '../terraformDriver';
import { countsText } from '../terraformPlan';
import type { DeployTarget, Environment } from '../types';

const ENV_KEY = 'bulwark.deploy.environment';

export class DeployController implements vscode.Disposable {
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly output = vscode.window.createOutputChannel('Bulwark Deploy');
  private readonly redactor = new Redactor();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.command = Commands.selectEnvironment;
    this.status.tooltip = 'Bulwark: deploy environment (click to switch)';
    this.refreshStatus();
  }

  dispose(): void {
    this.status.dispose();
    this.output.dispose();
  }

  private folder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  private environments(folder: vscode.WorkspaceFolder): Environment[] {
    const file = join(folder.uri.fsPath, '.bulwark.yaml');
    if (!existsSync(file)) return [];
    const r = environmentsFromConfigText(readFileSync(file, 'utf8'));
    if (r.errors.length > 0) {
      void vscode.window.showErrorMessage(`Bulwark: .bulwark.yaml environments: ${r.errors.join('; ')}`);
    }
    return r.environments;
  }

  refreshStatus(): void {
    const folder = this.folder();
    const envs = folder ? this.environments(folder) : [];
    if (envs.length === 0) {
      this.status.hide();
      return;
    }
    const name = this.context.workspaceState.get<string>(ENV_KEY) ?? envs[0]!.name;
    const env = envs.find((e) => e.name === name) ?? envs[0]!;
    this.status.text = `$(server-environment) ${env.name}${env.protected ? ' $(lock)' : ''}`;
    this.status.show();
  }

  private trusted(): boolean {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window.showWarningMessage('Bulwark: plan and deploy are disabled in untrusted workspaces.');
    return false;
  }

  async selectEnvironment(): Promise<Environment | undefined> {
    const folder = this.folder();
    if (!folder) return undefined;
    const envs = this.environments(folder);
    if (envs.length === 0) {
      void vscode.window.showInformationMessage(
        'Bulwark: declare environments in .bulwark.yaml (see docs/deploy.md).',
      );
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      envs.map((e) => ({ label: e.name, description: e.protected ? 'protected' : undefined, env: e })),
      { placeHolder: 'Deploy environment' },
    );
    if (!pick) return undefined;
    await this.context.workspaceState.update(ENV_KEY, pick.env.name);
    this.refreshStatus();
    return pick.env;
  }

  private currentEnvironment(folder: vscode.WorkspaceFolder): Environment | undefined {
    const envs = this.environments(folder);
    const name = this.context.workspaceState.get<string>(ENV_KEY);
    return envs.find((e) => e.name === name) ?? envs[0];
  }

  private async pickTarget(folder: vscode.WorkspaceFolder): Promise<DeployTarget | undefined> {
    const targets = discoverTargets(folder.uri.fsPath);
    if (targets.length === 0) {
      void vscode.window.showInformationMessage(
        'Bulwark: no Terraform, Compose or Kubernetes targets found.',
      );
      return undefined;
    }
    if (targets.length === 1) return targets[0];
    const pick = await vscode.window.showQuickPick(
      targets.map((t) => ({ label: targetLabel(t), t })),
      { placeHolder: 'Deploy target' },
    );
    return pick?.t;
  }

  private orchestrator(folder: vscode.WorkspaceFolder, target: DeployTarget): DeployOrchestrator {
    const cfg = vscode.workspace.getConfiguration('bulwark.deploy', folder.uri);
    const stateDir = join(folder.uri.fsPath, '.bulwark');
    const runner = new ProcessRunner(this.redactor);
    const auditPath = resolve(folder.uri.fsPath, cfg.get<string>('auditLogPath', '.bulwark/audit.jsonl'));
    let driver: DeployDriver;
    if (target.kind === 'terraform') {
      driver = new TerraformDriver(new TerraformBackend({ runner, stateDir, redactor: this.redactor }));
    } else if (target.kind === 'kubernetes') {
      driver = new KubernetesDriver(
        new KubernetesBackend({ runner, redactor: this.redactor }),
        cfg.get<number>('rolloutTimeoutSeconds', 300),
      );
    } else {
      driver = new ComposeDriver(new ComposeBackend({ runner, stateDir, redactor: this.redactor }));
    }
    return new DeployOrchestrator({
      driver,
      audit: new AuditLog(auditPath, this.redactor),
      stateDir,
      runner,
      sink: (_s, line) => this.output.appendLine(line),
      confirm: (req) => this.confirm(req),
      offerRollback: (offer) => this.offerRollback(offer),
      findErrors: async (t) => errorFindings(t),
    });
  }

  private async confirm(req: ConfirmationRequest): Promise<ConfirmationAnswer> {
    const gates = req.gates.map(
      (g) => `${g.ok ? '✓' : g.severity === 'warning' ? '⚠' : '✗'} ${g.id}: ${g.message}`,
    );
    const go = await vscode.window.showWarningMessage(
      req.text,
      { modal: true, detail: gates.join('\n') },
      'Deploy',
    );
    if (go !== 'Deploy') return { confirmed: false };
    const overrides: ConfirmationAnswer['overrides'] = [];
    for (const g of req.needsOverride) {
      const reason = await vscode.window.showInputBox({
        title: `Override "${g.id}"`,
        prompt: `${g.message}. Give a reason (recorded in the audit log) or press Escape to stop.`,
        ignoreFocusOut: true,
      });
      if (!reason) return { confirmed: false };
      overrides.push({ gate: g.id, reason });
    }
    let typedName: string | undefined;
    if (req.requiresTypedName) {
      typedName = await vscode.window.showInputBox({
        title: `${req.environment.name} is protected`,
        prompt: `Type "${req.environment.name}" to deploy ${req.target.id}`,
        ignoreFocusOut: true,
      });
      if (typedName === undefined) return { confirmed: false };
    }
    return { confirmed: true, overrides, typedName };
  }

  private async offerRollback(offer: RollbackOffer): Promise<boolean> {
    const why = offer.failures.map((f) => `${f.name}: ${f.reason}`).join('; ');
    const pick = await vscode.window.showErrorMessage(
      `Rollout of ${offer.target.id} to ${offer.environment.name} failed: ${why}`,
      'Roll back',
      'Leave it',
    );
    return pick === 'Roll back';
  }

  private async withProgress<T>(title: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.output.show(true);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (_p, token) => {
        const ac = new AbortController();
        const sub = token.onCancellationRequested(() => ac.abort());
        try {
          return await run(ac.signal);
        } finally {
          sub.dispose();
        }
      },
    );
  }

  private async context3(): Promise<
    { folder: vscode.WorkspaceFolder; env: Environment; target: DeployTarget } | undefined
  > {
    if (!this.trusted()) return undefined;
    const folder = this.folder();
    if (!folder) return undefined;
    const env = this.currentEnvironment(folder) ?? (await this.selectEnvironment());
    if (!env) return undefined;
    const target = await this.pickTarget(folder);
    return target ? { folder, env, target } : undefined;
  }

  async plan(): Promise<void> {
    const c = await this.context3();
    if (!c) return;
    try {
      const p = await this.withProgress(`Bulwark: planning ${c.target.id} for ${c.env.name}`, (signal) =>
        this.orchestrator(c.folder, c.target).plan(c.target, c.env, { signal }),
      );
      this.output.appendLine(
        `[bulwark] plan ${c.target.id} / ${c.env.name}: ${p.changeText ?? countsText(p.counts)}`,
      );
      void vscode.window.showInformationMessage(
        `Plan for ${c.target.id} in ${c.env.name}: ${p.changeText ?? countsText(p.counts)}`,
      );
    } catch (e) {
      void vscode.window.showErrorMessage(`Bulwark plan failed: ${(e as Error).message}`);
    }
  }

  async deploy(): Promise<void> {
    const c = await this.context3();
    if (!c) return;
    const out = await this.withProgress(`Bulwark: deploying ${c.target.id} to ${c.env.name}`, (signal) =>
      this.orchestrator(c.folder, c.target).deploy(c.target, c.env, { signal }),
    );
    this.output.appendLine(`[bulwark] ${out.result}: ${out.message}`);
    if (out.result === 'success') void vscode.window.showInformationMessage(`Bulwark: ${out.message}`);
    else if (out.error?.code === 'stale-plan' || out.error?.code === 'no-plan') {
      const pick = await vscode.window.showWarningMessage(out.message, 'Plan again');
      if (pick) await this.plan();
    } else void vscode.window.showErrorMessage(`Bulwark deploy ${out.result}: ${out.message}`);
  }

  async rollback(): Promise<void> {
    const c = await this.context3();
    if (!c) return;
    const o = this.orchestrator(c.folder, c.target);
    let toRevision: number | undefined;
    let applied: { handle: unknown; summary: string } | undefined;
    if (c.target.kind === 'kubernetes' && !c.target.kustomize) {
      const kube = new KubernetesBackend({
        runner: new ProcessRunner(this.redactor),
        redactor: this.redactor,
      });
      const workloads = manifestDocs(c.target)
        .map((d) => d as { kind?: string; metadata?: { name?: string } })
        .filter((d) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(d.kind ?? ''))
        .map((d) => ({ resource: d.kind!.toLowerCase(), name: d.metadata?.name ?? '' }));
      const w = await vscode.window.showQuickPick(
        workloads.map((x) => ({ label: `${x.resource}/${x.name}`, x })),
        { placeHolder: 'Workload to roll back' },
      );
      if (!w) return;
      const history = await kube.history(w.x, c.env).catch(() => []);
      const rev = await vscode.window.showQuickPick(
        [{ label: 'previous revision', revision: undefined as number | undefined }].concat(
          history.map((h) => ({
            label: `revision ${h.revision}`,
            description: h.changeCause,
            revision: h.revision,
          })),
        ),
        { placeHolder: 'Roll back to' },
      );
      if (!rev) return;
      toRevision = rev.revision;
      applied = { handle: { applied: [w.x], workloads: [w.x] }, summary: w.label };
    }
    const go = await vscode.window.showWarningMessage(
      `Roll back ${c.target.id} in ${c.env.name}${toRevision ? ` to revision ${toRevision}` : ''}?`,
      { modal: true },
      'Roll back',
    );
    if (go !== 'Roll back') return;
    const r = await this.withProgress(`Bulwark: rolling back ${c.target.id}`, (signal) =>
      o.rollback(c.target, c.env, { signal, applied, toRevision, reason: 'requested' }),
    );
    if (r.ok) void vscode.window.showInformationMessage(`Bulwark: ${r.message}`);
    else void vscode.window.showWarningMessage(`Bulwark: ${r.message}`);
  }

  async showAuditLog(): Promise<void> {
    const folder = this.folder();
    if (!folder) return;
    const cfg = vscode.workspace.getConfiguration('bulwark.deploy', folder.uri);
    const log = new AuditLog(
      resolve(folder.uri.fsPath, cfg.get<string>('auditLogPath', '.bulwark/audit.jsonl')),
    );
    const rows = auditHistory(log.read());
    await vscode.window.showQuickPick(
      rows.map((r) => ({
        label: `${r.result ?? 'running'} · ${r.action} ${r.target} → ${r.environment}`,
        description: `${r.time} ${r.user}@${r.host}`,
        detail: [
          r.git?.commit?.slice(0, 12),
          r.overrides?.map((x) => `override ${x.gate}: ${x.reason}`).join('; '),
          r.error,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
      { placeHolder: 'Bulwark audit log (type to filter)', matchOnDescription: true, matchOnDetail: true },
    );
  }
}

/** Error-level Bulwark diagnostics in the target's files, from the Problems the server published. */
function errorFindings(target: DeployTarget): Finding[] {
  const out: Finding[] = [];
  for (const [uri, diags] of vscode.languages.getDiagnostics()) {
    if (uri.scheme !== 'file' || !(uri.fsPath === target.dir || uri.fsPath.startsWith(target.dir + sep)))
      continue;
    for (const d of diags) {
      if (d.source !== 'bulwark' || d.severity !== vscode.DiagnosticSeverity.Error) continue;
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
      out.push({
        file: vscode.workspace.asRelativePath(uri),
        line: d.range.start.line + 1,
        ruleId: code,
        message: d.message,
      });
    }
  }
  return out;
}
