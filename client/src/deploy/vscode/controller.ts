/**
 * The editor side of deploys: environment status bar item; Plan / Deploy / Status / Roll Back /
 * Audit commands over the engine in ../, with a progress notification (Cancel), an output channel
 * and the side panels (./panels.ts). All decisions live in the engine; this file asks the user,
 * feeds the panels and reports results. Each command returns a CommandResult (tests read it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../../server/src/protocol';
import { AuditLog, type AuditAction, type AuditFilter, type AuditResult } from '../audit';
import { ComposeBackend, type ComposeService } from '../compose';
import { ComposeDriver } from '../composeDriver';
import type { DeployDriver } from '../driver';
import { environmentsFromConfigText } from '../environments';
import type { Finding } from '../guardrails';
import { KubernetesBackend, type KubeApplyResult, type RolloutOutcome } from '../kubernetes';
import { KubernetesDriver } from '../kubernetesDriver';
import type { KubeObjectRef } from '../kubeStatus';
import { DeployOrchestrator } from '../orchestrator';
import { AUDIT_ACTIONS, AUDIT_RESULTS } from '../panels/auditNodes';
import { observeDriver, type RolloutObserver } from '../panels/observedDriver';
import type { PlanRecord } from '../panels/planNodes';
import { readStoredPlans, restorePlanRecords, savePlanRecord, targetDigest } from '../panels/planPersistence';
import { statusKey } from '../panels/rolloutNodes';
import { declaredWorkloads, readStatus, type StatusBackends } from '../panels/readStatus';
import { commandArgs, resolveTargetArg, type CommandArgs } from '../panels/targetArg';
import { Redactor } from '../redact';
import { ProcessRunner } from '../runner';
import { targetLabel } from '../targets';
import { TerraformBackend, type TerraformApplyResult } from '../terraform';
import { TerraformDriver } from '../terraformDriver';
import { chooseRollbackCommit, short } from '../terraformRollback';
import { gitInfo } from '../git';
import { countsText, type PlanCounts } from '../terraformPlan';
import type { DeployTarget, Environment } from '../types';
import { askConfirmation, askRollback } from './dialogs';
import { DeployPanels, type PanelSource } from './panels';

const ENV_KEY = 'bulwark.deploy.environment';

export interface CommandResult {
  status: 'done' | 'refused' | 'cancelled' | 'failed';
  message: string;
  target?: string;
  environment?: string;
  counts?: PlanCounts;
}

interface Resolved {
  folder: vscode.WorkspaceFolder;
  env: Environment;
  target: DeployTarget;
  interactive: boolean;
}

function refused(message: string): CommandResult {
  return { status: 'refused', message };
}

export class DeployController implements vscode.Disposable, PanelSource {
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly output = vscode.window.createOutputChannel('Bulwark Deploy');
  private readonly redactor = new Redactor();
  /** Workloads each (target, environment) touched at its last deploy: status of kustomize targets. */
  private readonly applied = new Map<string, KubeObjectRef[]>();
  readonly panels: DeployPanels;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.command = Commands.selectEnvironment;
    this.status.tooltip = 'Bulwark: deploy environment (click to switch)';
    this.panels = new DeployPanels(this);
    this.restorePlans();
    this.refreshStatus();
  }

  dispose(): void {
    this.status.dispose();
    this.output.dispose();
    this.panels.dispose();
  }

  folder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  private environments(folder: vscode.WorkspaceFolder, report = true): Environment[] {
    const file = join(folder.uri.fsPath, '.bulwark.yaml');
    if (!existsSync(file)) return [];
    const r = environmentsFromConfigText(readFileSync(file, 'utf8'));
    if (r.errors.length > 0 && report) {
      void vscode.window.showErrorMessage(`Bulwark: .bulwark.yaml environments: ${r.errors.join('; ')}`);
    }
    return r.environments;
  }

  currentEnvironment(folder: vscode.WorkspaceFolder): Environment | undefined {
    const envs = this.environments(folder, false);
    const name = this.context.workspaceState.get<string>(ENV_KEY);
    return envs.find((e) => e.name === name) ?? envs[0];
  }

  auditPath(folder: vscode.WorkspaceFolder): string {
    const cfg = vscode.workspace.getConfiguration('bulwark.deploy', folder.uri);
    return resolve(folder.uri.fsPath, cfg.get<string>('auditLogPath', '.bulwark/audit.jsonl'));
  }

  refreshStatus(): void {
    this.panels.refreshTargets();
    const folder = this.folder();
    const envs = folder ? this.environments(folder) : [];
    if (envs.length === 0) {
      this.status.hide();
      return;
    }
    const env = this.currentEnvironment(folder!)!;
    this.status.text = `$(server-environment) ${env.name}${env.protected ? ' $(lock)' : ''}`;
    this.status.show();
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

  /** Trust, folder, environment and target of a command; a CommandResult when it cannot run. */
  private async resolve(arg: unknown): Promise<Resolved | CommandResult> {
    const args: CommandArgs = commandArgs(arg);
    const interactive = args.interactive !== false;
    if (!vscode.workspace.isTrusted) {
      if (interactive)
        void vscode.window.showWarningMessage(
          'Bulwark: plan and deploy are disabled in untrusted workspaces.',
        );
      return refused('untrusted workspace: plan, deploy, status and rollback need workspace trust');
    }
    const folder = this.folder();
    if (!folder) return refused('no folder is open');
    let env: Environment | undefined;
    if (args.environment) {
      env = this.environments(folder).find((e) => e.name === args.environment);
      if (!env) return refused(`no environment "${args.environment}" in .bulwark.yaml`);
    } else
      env = this.currentEnvironment(folder) ?? (interactive ? await this.selectEnvironment() : undefined);
    if (!env) return refused('no deploy environment: declare environments in .bulwark.yaml');
    const targets = this.panels.targets(folder);
    let target = resolveTargetArg(arg, targets, folder.uri.fsPath);
    if (!target && arg !== undefined && (typeof arg === 'string' || args.target))
      return refused(`no deploy target at ${String(args.target ?? arg)}`);
    if (!target) {
      if (targets.length === 0) {
        if (interactive)
          void vscode.window.showInformationMessage(
            'Bulwark: no Terraform, Compose or Kubernetes targets found.',
          );
        return refused('no deploy targets in this folder');
      }
      if (targets.length === 1) target = targets[0];
      else if (interactive) {
        const pick = await vscode.window.showQuickPick(
          targets.map((t) => ({ label: targetLabel(t), t })),
          { placeHolder: 'Deploy target' },
        );
        target = pick?.t;
      }
    }
    if (!target) return { status: 'cancelled', message: 'no target chosen' };
    return { folder, env, target, interactive };
  }

  private backends(folder: vscode.WorkspaceFolder): StatusBackends {
    const stateDir = join(folder.uri.fsPath, '.bulwark');
    const runner = new ProcessRunner(this.redactor);
    const redactor = this.redactor;
    return {
      terraform: () => new TerraformBackend({ runner, stateDir, redactor }),
      kubernetes: () => new KubernetesBackend({ runner, redactor }),
      compose: () => new ComposeBackend({ runner, stateDir, redactor }),
    };
  }

  private rolloutTimeout(folder: vscode.WorkspaceFolder): number {
    return vscode.workspace
      .getConfiguration('bulwark.deploy', folder.uri)
      .get<number>('rolloutTimeoutSeconds', 300);
  }

  private driver(folder: vscode.WorkspaceFolder, target: DeployTarget): DeployDriver {
    const b = this.backends(folder);
    if (target.kind === 'terraform') return new TerraformDriver(b.terraform());
    if (target.kind === 'kubernetes')
      return new KubernetesDriver(b.kubernetes(), this.rolloutTimeout(folder));
    return new ComposeDriver(b.compose());
  }

  /** Feeds the Rollout Status panel from the deploy flow: apply, a bounded poll during the watch, its end. */
  private observer(folder: vscode.WorkspaceFolder): RolloutObserver {
    const state = this.panels.state;
    const base = (t: DeployTarget, e: Environment) => ({ target: t.id, kind: t.kind, environment: e.name });
    return {
      applied: (t, e, a) => {
        const kube = t.kind === 'kubernetes' ? (a.handle as KubeApplyResult) : undefined;
        if (kube) this.applied.set(statusKey(t.id, e.name), kube.workloads);
        const tf = t.kind === 'terraform' ? (a.handle as TerraformApplyResult) : undefined;
        state.updateStatus({
          ...base(t, e),
          running: true,
          failures: [],
          error: undefined,
          note: a.summary,
          ...(tf ? { outputs: tf.outputs } : {}),
        });
      },
      poll: async (t, e, a, signal) => {
        if (t.kind !== 'kubernetes') return; // compose `up --wait` and terraform apply report when done
        const workloads = (a.handle as KubeApplyResult).workloads;
        const fields = await readStatus(t, e, this.backends(folder), { signal, workloads });
        if (!signal.aborted) state.updateStatus({ ...base(t, e), ...fields, running: true });
      },
      watched: (t, e, r) => {
        const fields =
          t.kind === 'kubernetes'
            ? {
                workloads: ((r.details as RolloutOutcome[] | undefined) ?? [])
                  .map((o) => o.status)
                  .filter((s) => s !== undefined),
              }
            : t.kind === 'compose'
              ? { services: (r.details as ComposeService[] | undefined) ?? [] }
              : {};
        state.updateStatus({ ...base(t, e), ...fields, failures: r.failures, running: !r.ok });
      },
      rolledBack: (t, e, ok, message) =>
        state.updateStatus({ ...base(t, e), running: false, note: message, error: ok ? undefined : message }),
      failed: (t, e, err) =>
        state.updateStatus({
          ...base(t, e),
          running: false,
          error: this.redactor.redact(String((err as Error).message ?? err)),
        }),
    };
  }

  private orchestrator(c: Resolved): DeployOrchestrator {
    const stateDir = join(c.folder.uri.fsPath, '.bulwark');
    const runner = new ProcessRunner(this.redactor);
    return new DeployOrchestrator({
      driver: observeDriver(this.driver(c.folder, c.target), this.observer(c.folder)),
      audit: new AuditLog(this.auditPath(c.folder), this.redactor),
      stateDir,
      runner,
      sink: (_s, line) => this.output.appendLine(line),
      confirm: (req) => askConfirmation(req, c.interactive),
      offerRollback: (offer) => askRollback(offer, c.interactive),
      findErrors: async (t) => errorFindings(t),
    });
  }

  private async withProgress<T>(
    c: Resolved,
    title: string,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (c.interactive) this.output.show(true);
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

  private base(c: Resolved): Pick<CommandResult, 'target' | 'environment'> {
    return { target: c.target.id, environment: c.env.name };
  }

  /** Shows a plan and keeps it on disk next to the saved plan, so a reload restores it. */
  private setPlan(c: Resolved, record: PlanRecord): void {
    this.panels.state.setPlan(record);
    try {
      savePlanRecord(join(c.folder.uri.fsPath, '.bulwark'), record, c.target, c.env, this.redactor);
    } catch (e) {
      this.output.appendLine(`[bulwark] could not keep the plan for the next session: ${String(e)}`);
    }
  }

  /** The Plan panel as the last session left it: the plans still on disk, stale ones marked. */
  restorePlans(): void {
    const folder = this.folder();
    if (!folder) return;
    try {
      const stored = readStoredPlans(join(folder.uri.fsPath, '.bulwark'));
      if (stored.length === 0) return;
      this.panels.state.restorePlans(restorePlanRecords(stored, this.panels.targets(folder), targetDigest));
    } catch (e) {
      this.output.appendLine(`[bulwark] could not restore the last plans: ${String(e)}`);
    }
  }

  async plan(arg?: unknown): Promise<CommandResult> {
    const c = await this.resolve(arg);
    if (!('target' in c && 'folder' in c)) return c as CommandResult;
    const record = { target: c.target.id, kind: c.target.kind, environment: c.env.name };
    try {
      const p = await this.withProgress(c, `Bulwark: planning ${c.target.id} for ${c.env.name}`, (signal) =>
        this.orchestrator(c).plan(c.target, c.env, { signal }),
      );
      const text = p.changeText ?? countsText(p.counts);
      this.setPlan(c, {
        ...record,
        time: new Date().toISOString(),
        counts: p.counts,
        changeText: p.changeText,
        details: p.details,
        planDigest: p.planDigest,
      });
      this.output.appendLine(`[bulwark] plan ${c.target.id} / ${c.env.name}: ${text}`);
      if (c.interactive) {
        void this.panels.reveal('plan');
        void vscode.window.showInformationMessage(`Plan for ${c.target.id} in ${c.env.name}: ${text}`);
      }
      return { status: 'done', message: text, counts: p.counts, ...this.base(c) };
    } catch (e) {
      const message = this.redactor.redact(String((e as Error).message ?? e));
      this.setPlan(c, { ...record, time: new Date().toISOString(), error: message });
      if (c.interactive) void vscode.window.showErrorMessage(`Bulwark plan failed: ${message}`);
      return { status: /cancel/i.test(message) ? 'cancelled' : 'failed', message, ...this.base(c) };
    } finally {
      this.panels.refreshAudit();
    }
  }

  async deploy(arg?: unknown): Promise<CommandResult> {
    const c = await this.resolve(arg);
    if (!('target' in c && 'folder' in c)) return c as CommandResult;
    try {
      const out = await this.withProgress(c, `Bulwark: deploying ${c.target.id} to ${c.env.name}`, (signal) =>
        this.orchestrator(c).deploy(c.target, c.env, { signal }),
      );
      this.output.appendLine(`[bulwark] ${out.result}: ${out.message}`);
      if (out.preview) await this.refreshStatusOf(c);
      if (c.interactive) {
        if (out.result === 'success') void vscode.window.showInformationMessage(`Bulwark: ${out.message}`);
        else if (out.error?.code === 'stale-plan' || out.error?.code === 'no-plan') {
          const pick = await vscode.window.showWarningMessage(out.message, 'Plan again');
          if (pick) await this.plan({ target: c.target.id, environment: c.env.name });
        } else void vscode.window.showErrorMessage(`Bulwark deploy ${out.result}: ${out.message}`);
      }
      const status =
        out.result === 'success'
          ? 'done'
          : out.result === 'refused'
            ? 'refused'
            : out.result === 'cancelled'
              ? 'cancelled'
              : 'failed';
      return { status, message: out.message, counts: out.preview?.counts, ...this.base(c) };
    } finally {
      this.panels.refreshAudit();
    }
  }

  /** Re-reads the status of a target after an action (running: false). */
  private async refreshStatusOf(c: Resolved): Promise<void> {
    const key = statusKey(c.target.id, c.env.name);
    const fields = await readStatus(c.target, c.env, this.backends(c.folder), {
      workloads: this.applied.get(key),
    });
    const prev = this.panels.state.status(c.target.id, c.env.name);
    this.panels.state.updateStatus({
      target: c.target.id,
      kind: c.target.kind,
      environment: c.env.name,
      ...fields,
      // Keep what the deploy learned (failures, terraform outputs) unless the read replaced it.
      failures: prev?.failures,
      outputs: fields.outputs ?? prev?.outputs,
      error: fields.error ?? prev?.error,
      running: false,
    });
  }

  async rolloutStatus(arg?: unknown): Promise<CommandResult> {
    const c = await this.resolve(arg);
    if (!('target' in c && 'folder' in c)) return c as CommandResult;
    if (c.interactive) void this.panels.reveal('rolloutStatus');
    await this.refreshStatusOf(c);
    const s = this.panels.state.status(c.target.id, c.env.name);
    return {
      status: s?.error ? 'failed' : 'done',
      message: s?.error ?? s?.note ?? 'status read',
      ...this.base(c),
    };
  }

  async rollback(arg?: unknown): Promise<CommandResult> {
    const c = await this.resolve(arg);
    if (!('target' in c && 'folder' in c)) return c as CommandResult;
    if (!c.interactive)
      return { status: 'refused', message: 'rollback needs a confirmation', ...this.base(c) };
    if (c.target.kind === 'terraform') return this.planTerraformRollback(c);
    const o = this.orchestrator(c);
    let toRevision: number | undefined;
    let applied: { handle: unknown; summary: string } | undefined;
    if (c.target.kind === 'kubernetes') {
      const known = this.applied.get(statusKey(c.target.id, c.env.name));
      const workloads = known && known.length > 0 ? known : declaredWorkloads(c.target);
      const w = await vscode.window.showQuickPick(
        workloads.map((x) => ({ label: `${x.resource}/${x.name}`, x })),
        { placeHolder: 'Workload to roll back' },
      );
      if (!w) return { status: 'cancelled', message: 'no workload chosen', ...this.base(c) };
      const history = await this.backends(c.folder)
        .kubernetes()
        .history(w.x, c.env)
        .catch(() => []);
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
      if (!rev) return { status: 'cancelled', message: 'no revision chosen', ...this.base(c) };
      toRevision = rev.revision;
      applied = { handle: { applied: [w.x], workloads: [w.x] }, summary: w.label };
    }
    const go = await vscode.window.showWarningMessage(
      `Roll back ${c.target.id} in ${c.env.name}${toRevision ? ` to revision ${toRevision}` : ''}?`,
      { modal: true },
      'Roll back',
    );
    if (go !== 'Roll back')
      return { status: 'cancelled', message: 'rollback not confirmed', ...this.base(c) };
    try {
      this.panels.state.updateStatus({
        target: c.target.id,
        kind: c.target.kind,
        environment: c.env.name,
        running: true,
      });
      const r = await this.withProgress(c, `Bulwark: rolling back ${c.target.id}`, (signal) =>
        o.rollback(c.target, c.env, { signal, applied, toRevision, reason: 'requested' }),
      );
      if (r.ok) void vscode.window.showInformationMessage(`Bulwark: ${r.message}`);
      else void vscode.window.showWarningMessage(`Bulwark: ${r.message}`);
      return {
        status: r.ok ? 'done' : r.performed ? 'failed' : 'refused',
        message: r.message,
        ...this.base(c),
      };
    } finally {
      await this.refreshStatusOf(c);
      this.panels.refreshAudit();
    }
  }

  /**
   * Terraform has no undo: explain, and offer to plan the last successfully applied earlier
   * commit. The rollback plan goes to the Plan panel; Deploy then applies it as a rollback.
   */
  private async planTerraformRollback(c: Resolved): Promise<CommandResult> {
    const records = new AuditLog(this.auditPath(c.folder), this.redactor).read();
    const head = await gitInfo(new ProcessRunner(this.redactor), c.target.dir);
    const choice = chooseRollbackCommit(records, c.env.name, c.target.id, head);
    if (choice.kind !== 'commit') {
      void vscode.window.showWarningMessage(`Bulwark: Terraform cannot undo an apply. ${choice.message}`);
      return { status: 'refused', message: choice.message, ...this.base(c) };
    }
    const offer = `Plan rollback to ${short(choice.commit)} (${choice.time.slice(0, 16).replace('T', ' ')})`;
    const go = await vscode.window.showWarningMessage(
      `Terraform cannot undo an apply. Bulwark can plan the configuration of commit ${short(choice.commit)}, ` +
        `last applied successfully to ${c.env.name}, against the current state; review it, then Deploy applies it.`,
      { modal: true },
      offer,
    );
    if (go !== offer) return { status: 'cancelled', message: 'rollback plan not requested', ...this.base(c) };
    const record = { target: c.target.id, kind: c.target.kind, environment: c.env.name };
    try {
      const r = await this.withProgress(c, `Bulwark: planning rollback of ${c.target.id}`, (signal) =>
        this.orchestrator(c).planRollback(c.target, c.env, { signal }),
      );
      if (r.result !== 'success' || !r.preview) {
        void vscode.window.showWarningMessage(`Bulwark: ${r.message}`);
        return { status: 'refused', message: r.message, ...this.base(c) };
      }
      const p = r.preview;
      this.setPlan(c, {
        ...record,
        time: new Date().toISOString(),
        counts: p.counts,
        changeText: `Rollback to commit ${short(choice.commit)}: Deploy applies it`,
        details: p.details,
        planDigest: p.planDigest,
      });
      void this.panels.reveal('plan');
      void vscode.window.showInformationMessage(
        `Rollback plan for ${c.target.id} in ${c.env.name}: ${countsText(p.counts)}. Review it, then Deploy.`,
      );
      return { status: 'done', message: r.message, counts: p.counts, ...this.base(c) };
    } catch (e) {
      const message = this.redactor.redact(String((e as Error).message ?? e));
      this.setPlan(c, { ...record, time: new Date().toISOString(), error: message });
      void vscode.window.showErrorMessage(`Bulwark rollback plan failed: ${message}`);
      return { status: /cancel/i.test(message) ? 'cancelled' : 'failed', message, ...this.base(c) };
    } finally {
      this.panels.refreshAudit();
    }
  }

  async showAuditLog(): Promise<CommandResult> {
    this.panels.refreshAudit();
    await this.panels.reveal('auditLog');
    return { status: 'done', message: 'audit log shown' };
  }

  /**
   * Filters the Audit Log view. From the UI: a quick pick (action, environment, result, text, or
   * clear). An argument object `{ action?, environment?, result?, target?, text? }` sets it directly.
   */
  async filterAuditLog(arg?: unknown): Promise<CommandResult> {
    if (arg && typeof arg === 'object') {
      const o = arg as Record<string, unknown>;
      const f: AuditFilter = {};
      if (AUDIT_ACTIONS.includes(o.action as AuditAction)) f.action = o.action as AuditAction;
      if (AUDIT_RESULTS.includes(o.result as AuditResult)) f.result = o.result as AuditResult;
      for (const k of ['environment', 'target', 'text'] as const)
        if (typeof o[k] === 'string') f[k] = o[k] as string;
      this.panels.setAuditFilter(f);
      return { status: 'done', message: 'filter set' };
    }
    const folder = this.folder();
    if (!folder) return refused('no folder is open');
    const path = this.auditPath(folder);
    const records = existsSync(path) ? new AuditLog(path).read() : [];
    const envs = [...new Set(records.map((r) => r.environment))].sort();
    type Item = vscode.QuickPickItem & { patch?: AuditFilter; text?: boolean; clear?: boolean };
    const current = this.panels.filter;
    const items: Item[] = [
      {
        label: 'Clear filter',
        clear: true,
        description: current && Object.keys(current).length ? '' : '(no filter set)',
      },
      { label: 'Action', kind: vscode.QuickPickItemKind.Separator },
      ...AUDIT_ACTIONS.map((a) => ({ label: a, description: 'action', patch: { action: a } })),
      { label: 'Environment', kind: vscode.QuickPickItemKind.Separator },
      ...envs.map((e) => ({ label: e, description: 'environment', patch: { environment: e } })),
      { label: 'Result', kind: vscode.QuickPickItemKind.Separator },
      ...AUDIT_RESULTS.map((r) => ({ label: r, description: 'result', patch: { result: r } })),
      { label: 'Text', kind: vscode.QuickPickItemKind.Separator },
      { label: 'Containing text…', text: true },
    ];
    const pick = await vscode.window.showQuickPick(items, {
      placeHolder: 'Filter the audit log (adds to the current filter)',
    });
    if (!pick) return { status: 'cancelled', message: 'no filter chosen' };
    if (pick.clear) this.panels.setAuditFilter({});
    else if (pick.text) {
      const text = await vscode.window.showInputBox({ prompt: 'Show entries containing' });
      if (text === undefined) return { status: 'cancelled', message: 'no text given' };
      this.panels.setAuditFilter({ ...current, text: text || undefined });
    } else this.panels.setAuditFilter({ ...current, ...pick.patch });
    return { status: 'done', message: 'filter set' };
  }

  /** Re-reads targets and the audit log, and the status of every target shown (not while running). */
  async refreshPanels(): Promise<CommandResult> {
    this.panels.refreshAll();
    const folder = this.folder();
    if (!folder || !vscode.workspace.isTrusted) return { status: 'done', message: 'panels refreshed' };
    const targets = this.panels.targets(folder);
    const envs = this.environments(folder, false);
    for (const s of this.panels.state.allStatuses()) {
      const target = targets.find((t) => t.id === s.target);
      const env = envs.find((e) => e.name === s.environment);
      if (target && env && !s.running)
        await this.refreshStatusOf({ folder, env, target, interactive: false });
    }
    return { status: 'done', message: 'panels refreshed' };
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
