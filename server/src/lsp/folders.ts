import { sep } from 'node:path';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { uriToPath } from './uri';

export interface Folder {
  uri: string;
  path: string;
}

/** The workspace folders of a (multi-root) workspace, as file-system paths. */
export class WorkspaceFolders {
  private folders: Folder[] = [];

  set(list: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = [];
    this.change(list ?? [], []);
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    this.folders = this.folders.filter((f) => !gone.has(f.uri));
    for (const f of added) {
      const path = uriToPath(f.uri);
      if (path !== undefined && !this.folders.some((x) => x.uri === f.uri))
        this.folders.push({ uri: f.uri, path });
    }
  }

  all(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder holding a path (nested folders happen in multi-root workspaces). */
  folderOf(path: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) {
      const inside = path === f.path || path.startsWith(f.path.endsWith(sep) ? f.path : f.path + sep);
      if (inside && (!best || f.path.length > best.path.length)) best = f;
    }
    return best;
  }
}
