/** Shows a tree of PanelNodes in a VS Code TreeView: the only editor-specific part of a panel. */
import * as vscode from 'vscode';
import type { PanelNode, Tone } from '../panels/nodes';

const TONE_COLOR: Record<Tone, string | undefined> = {
  danger: 'charts.red',
  warning: 'charts.yellow',
  ok: 'charts.green',
  info: 'charts.blue',
  muted: 'disabledForeground',
};

export class NodeTreeProvider implements vscode.TreeDataProvider<PanelNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PanelNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: PanelNode[] | undefined;

  constructor(private readonly build: () => PanelNode[]) {}

  /** The current tree (built on demand); tests read it through the extension's API. */
  nodes(): PanelNode[] {
    this.roots ??= this.build();
    return this.roots;
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: PanelNode): PanelNode[] {
    return node ? (node.children ?? []) : this.nodes();
  }

  getTreeItem(n: PanelNode): vscode.TreeItem {
    const state = n.children?.length
      ? n.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(n.label, state);
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.contextValue;
    if (n.icon) {
      const color = n.tone ? TONE_COLOR[n.tone] : undefined;
      item.iconPath = new vscode.ThemeIcon(n.icon, color ? new vscode.ThemeColor(color) : undefined);
    }
    if (n.command) item.command = n.command;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
