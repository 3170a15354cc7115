/**
 * The Bulwark activity-bar views: Targets, Plan, Rollout Status and Audit Log. Each is a
 * NodeTreeProvider over a pure function of engine data (../panels/); this class only holds what
 * they show (the session's plans and statuses, the audit filter) and refreshes them on change.
 */
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../../server/src/protocol';
import { AuditLog, type AuditFilter } from '../audit';
import { auditNodes, filterText } from '../panels/auditNodes';
import type { PanelNode } from '../panels/nodes';
import { PanelState } from '../panels/panelState';
import { planNodes } from '../panels/planNodes';
import { rolloutNodes } from '../panels/rolloutNodes';
import { targetNodes } from '../panels/targetNodes';
import { discoverTargets } from '../targets';
import type { DeployTarget, Environment } from '../types';
import { NodeTreeProvider } from './treeAdapter';

export const VIEWS = {
  targets: 'bulwark.view.targets',
  plan: 'bulwark.view.plan',
  rolloutStatus: 'bulwark.view.rolloutStatus',
  auditLog: 'bulwark.view.auditLog',
} as const;

export type ViewName = keyof typeof VIEWS;

/** What the panels need from the rest of the extension (the controller provides it). */
export interface PanelSource {
  folder(): vscode.WorkspaceFolder | undefined;
  currentEnvironment(folder: vscode.WorkspaceFolder): Environment | undefined;
  auditPath(folder: vscode.WorkspaceFolder): string;
}

export class DeployPanels implements vscode.Disposable {
  readonly state = new PanelState();
  private auditFilter: AuditFilter = {};
  private targetsCache: { root: string; targets: DeployTarget[] } | undefined;
  private readonly providers: Record<ViewName, NodeTreeProvider>;
  private readonly views: vscode.TreeView<PanelNode>[];
  private readonly disposables: vscode.Disposable[] = [];
  private auditWatcher: vscode.Disposable | undefined;

  constructor(private readonly source: PanelSource) {
    this.providers = {
      targets: new NodeTreeProvider(() => this.targetTree()),
      plan: new NodeTreeProvider(() => planNodes(this.state.allPlans())),
      rolloutStatus: new NodeTreeProvider(() => rolloutNodes(this.state.allStatuses())),
      auditLog: new NodeTreeProvider(() => this.auditTree()),
    };
    this.views = (Object.keys(VIEWS) as ViewName[]).map((name) =>
      vscode.window.createTreeView(VIEWS[name], {
        treeDataProvider: this.providers[name],
        showCollapseAll: name !== 'targets',
      }),
    );
    this.disposables.push(
      ...Object.values(this.providers),
      ...this.views,
      this.state.onChange((what) => {
        if (what === 'plan') {
          this.providers.plan.refresh();
          this.providers.targets.refresh(); // targets show their last plan's counts
        } else this.providers.rolloutStatus.refresh();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refreshTargets()),
    );
    this.watchFiles();
    this.updateDescriptions();
  }

  private watchFiles(): void {
    // New or removed target files change the Targets list; audit writes by other windows or the CLI
    // change the Audit Log (the configured file only, not every *.jsonl).
    const targets = vscode.workspace.createFileSystemWatcher(
      '**/{*.tf,*.tf.json,compose*.y*ml,docker-compose*.y*ml,kustomization.y*ml,*.yaml,*.yml,.env}',
      false,
      true,
      false,
    );
    this.disposables.push(
      targets,
      targets.onDidCreate(() => this.refreshTargets()),
      targets.onDidDelete(() => this.refreshTargets()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('bulwark.deploy.auditLogPath')) return;
        this.watchAudit();
        this.refreshAudit();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.watchAudit()),
      { dispose: () => this.auditWatcher?.dispose() },
    );
    this.watchAudit();
  }

  /** Watches only the configured audit file (it may lie outside the workspace). */
  private watchAudit(): void {
    this.auditWatcher?.dispose();
    this.auditWatcher = undefined;
    const folder = this.source.folder();
    if (!folder) return;
    const path = this.source.auditPath(folder);
    const w = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path)),
    );
    const refresh = () => this.refreshAudit();
    this.auditWatcher = vscode.Disposable.from(
      w,
      w.onDidChange(refresh),
      w.onDidCreate(refresh),
      w.onDidDelete(refresh),
    );
  }

  targets(folder: vscode.WorkspaceFolder): DeployTarget[] {
    const root = folder.uri.fsPath;
    if (this.targetsCache?.root !== root) this.targetsCache = { root, targets: discoverTargets(root) };
    return this.targetsCache.targets;
  }

  private targetTree(): PanelNode[] {
    const folder = this.source.folder();
    if (!folder)
      return [{ id: 'nofolder', label: 'Open a folder to deploy from it', icon: 'info', tone: 'muted' }];
    const env = this.source.currentEnvironment(folder);
    return targetNodes({
      targets: this.targets(folder),
      environment: env,
      plannedCounts: (id) => (env ? this.state.plan(id, env.name)?.counts : undefined),
      selectEnvironmentCommand: Commands.selectEnvironment,
    });
  }

  private auditTree(): PanelNode[] {
    const folder = this.source.folder();
    if (!folder) return auditNodes([]);
    const path = this.source.auditPath(folder);
    return auditNodes(existsSync(path) ? new AuditLog(path).read() : [], this.auditFilter);
  }

  private updateDescriptions(): void {
    const folder = this.source.folder();
    const env = folder ? this.source.currentEnvironment(folder) : undefined;
    this.views[0]!.description = env ? `env: ${env.name}` : undefined;
    this.views[3]!.description = filterText(this.auditFilter);
  }

  refreshTargets(): void {
    this.targetsCache = undefined;
    this.updateDescriptions();
    this.providers.targets.refresh();
  }

  refreshAudit(): void {
    this.providers.auditLog.refresh();
  }

  refreshAll(): void {
    this.refreshTargets();
    this.refreshAudit();
    this.providers.plan.refresh();
    this.providers.rolloutStatus.refresh();
  }

  get filter(): AuditFilter {
    return this.auditFilter;
  }

  setAuditFilter(f: AuditFilter): void {
    this.auditFilter = f;
    this.updateDescriptions();
    this.refreshAudit();
  }

  /** The tree a view shows now (built on demand): for tests, through the extension's API. */
  nodes(view: ViewName): PanelNode[] {
    return this.providers[view].nodes();
  }

  reveal(view: ViewName): Thenable<unknown> {
    return vscode.commands.executeCommand(`${VIEWS[view]}.focus`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
