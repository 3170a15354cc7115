import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  FileChangeType,
  type FileEvent,
  type PublishDiagnosticsParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../core/analyzer';
import type { Finding } from '../core/types';
import { readTextFile } from '../node/diskHost';
import type { BulwarkSettings, ScanFinishedParams } from '../protocol';
import { OpenDiagnostics, toDiagnostic } from './diagnostics';
import { inSkippedDir, isCandidateFile, isExcluded } from './exclude';
import type { WorkspaceFolders } from './folders';
import { Scheduler } from './scheduler';
import type { SettingsCache } from './settings';
import { analysisPath, pathToUri, uriToPath } from './uri';
import { walkFolder } from './walk';

/** Files over this size are left out of the background scan (generated bundles, dumps). */
export const SCAN_MAX_BYTES = 2 * 1024 * 1024;

/** What an open document's diagnostics were computed from: kept for its quick fixes. */
export interface PublishedBasis {
  text: string;
  findings: readonly Finding[];
}

/** Where validation results and log lines go (the connection, in the server). */
export interface ValidationOutput {
  /** `basis` comes with the findings of an open document; without it, nothing is kept. */
  publish(params: PublishDiagnosticsParams, basis?: PublishedBasis): void;
  error(message: string): void;
  scanFinished(params: ScanFinishedParams): void;
}

const TF = /\.tf$/i;

/**
 * Decides what is checked when, and publishes the results: open documents (debounced, never a
 * stale version) and, at lower priority, the files of the workspace folders as they are on disk.
 * An open document owns its file's diagnostics; closing it hands them back to the disk version.
 */
export class Validation {
  private analyzer: Analyzer | undefined;
  private readonly scheduler: Scheduler;
  /** Open `file:` documents by path: their text overrides the disk for every check. */
  private readonly openByPath = new Map<string, string>();
  /** Files whose current diagnostics come from their disk version, with the URI they went to. */
  private readonly diskPublished = new Map<string, string>();
  /** The URI spelling the client used for a path (it may encode differently from ours). */
  private readonly uriSpelling = new Map<string, string>();
  private readonly openedVersion = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Open documents whose next check should also re-check their Terraform module siblings. */
  private readonly cascade = new Set<string>();
  /** Open documents' last diagnostics, reused by the next version where they still hold. */
  private readonly openDiagnostics = new OpenDiagnostics();
  private scanGeneration = 0;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
    private readonly out: ValidationOutput,
  ) {
    this.scheduler = new Scheduler((key, e) => this.out.error(`bulwark: job ${key} failed: ${describe(e)}`));
  }

  /** Editor text of an open file, for the analysis host's overlay. */
  openText(path: string): string | undefined {
    const uri = this.openByPath.get(path);
    return uri === undefined ? undefined : this.documents.get(uri)?.getText();
  }

  /** The analyzer is ready: check what is already open. */
  start(analyzer: Analyzer): void {
    this.analyzer = analyzer;
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0, false);
  }

  dispose(): void {
    this.scanGeneration++;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.scheduler.dispose();
  }

  opened(doc: TextDocument): void {
    this.openedVersion.set(doc.uri, doc.version);
    const path = uriToPath(doc.uri);
    if (path !== undefined) {
      this.openByPath.set(path, doc.uri);
      this.scheduler.cancel(diskKey(path));
      const diskUri = this.diskPublished.get(path);
      this.diskPublished.delete(path);
      if (diskUri !== undefined && diskUri !== doc.uri) this.out.publish({ uri: diskUri, diagnostics: [] });
      this.uriSpelling.set(path, doc.uri);
    }
    this.schedule(doc.uri, 0, true);
  }

  changed(doc: TextDocument): void {
    // The manager reports an open as a change too; opened() has it covered.
    if (this.openedVersion.get(doc.uri) === doc.version) return;
    this.openedVersion.delete(doc.uri);
    this.schedule(doc.uri, this.settings.peek(doc.uri).validate.debounceMs, true);
  }

  closed(doc: TextDocument): void {
    const uri = doc.uri;
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.scheduler.cancel(openKey(uri));
    this.openedVersion.delete(uri);
    this.cascade.delete(uri);
    this.openDiagnostics.forget(uri);
    const path = uriToPath(uri);
    if (path === undefined || this.openByPath.get(path) !== uri) {
      this.analyzer?.forget(analysisPath(uri, doc.languageId));
      this.out.publish({ uri, diagnostics: [] });
      return;
    }
    this.openByPath.delete(path);
    // Back to the disk version: its findings when the workspace is scanned, else nothing.
    void this.scheduler.enqueue('background', diskKey(path), () => this.checkDisk(path, { clear: true }));
    if (TF.test(path)) this.recheckTerraformSiblings(path);
  }

  watchedFilesChanged(changes: readonly FileEvent[]): void {
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (path === undefined || !isCandidateFile(path)) continue;
      if (c.type === FileChangeType.Deleted) {
        this.scheduler.cancel(diskKey(path));
        if (!this.openByPath.has(path)) this.clearDisk(path, false);
        this.analyzer?.forget(path);
      } else if (
        !this.openByPath.has(path) &&
        (this.folders.folderOf(path) || this.diskPublished.has(path))
      ) {
        void this.scheduler.enqueue('background', diskKey(path), () => this.checkDisk(path, {}));
      }
      if (TF.test(path)) this.recheckTerraformSiblings(path);
    }
  }

  /** Settings changed: forget them, re-check open documents, rescan the workspace. */
  configurationChanged(): void {
    this.settings.clear();
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0, false);
    void this.scanWorkspace(false);
  }

  /**
   * Walks every workspace folder (where the scan is enabled, or all of them when `force`) and
   * checks each candidate file not open in the editor, one scheduler job per file so open
   * documents always go first. Afterwards, disk diagnostics of files the walk no longer reaches
   * (deleted, excluded, folder removed, scan turned off) are cleared.
   */
  async scanWorkspace(force: boolean): Promise<number> {
    const generation = ++this.scanGeneration;
    const cancelled = () => generation !== this.scanGeneration;
    const folders = [...this.folders.all()];
    const visited = new Set<string>();
    let files = 0;
    for (const folder of folders) {
      if (cancelled() || !this.analyzer) break;
      const s = await this.settings.get(folder.uri);
      if (!s.enable || (!force && !s.workspaceScan.enabled)) continue;
      const excluded = (p: string) => isExcluded(p, folder.path, s.exclude);
      try {
        for await (const path of walkFolder(folder.path, excluded, cancelled)) {
          if (this.folders.folderOf(path) !== folder) continue; // a nested folder scans its own files
          visited.add(path);
          if (this.openByPath.has(path)) continue;
          let checked = false;
          await this.scheduler.enqueue('background', diskKey(path), async () => {
            checked = await this.checkDisk(path, { force });
          });
          if (checked) files++;
          if (cancelled()) break;
        }
      } catch (e) {
        this.out.error(`bulwark: scan of ${folder.path} failed: ${describe(e)}`);
      }
    }
    if (!cancelled()) {
      for (const path of [...this.diskPublished.keys()]) if (!visited.has(path)) this.clearDisk(path, false);
    }
    this.out.scanFinished({ folders: folders.map((f) => f.uri), files, cancelled: cancelled() });
    return files;
  }

  private schedule(uri: string, delayMs: number, cascade: boolean): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (cascade) this.cascade.add(uri);
    if (!this.analyzer) return;
    const fire = () => {
      this.timers.delete(uri);
      void this.scheduler.enqueue('open', openKey(uri), () => this.checkOpen(uri));
    };
    if (delayMs <= 0) fire();
    else this.timers.set(uri, setTimeout(fire, delayMs));
  }

  private async checkOpen(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || !this.analyzer) return;
    const version = doc.version;
    const stale = () => this.documents.get(uri)?.version !== version;
    const s = await this.settings.get(uri);
    if (stale()) return;
    const cascade = this.cascade.delete(uri);
    const filePath = uriToPath(uri);
    const path = analysisPath(uri, doc.languageId);
    const folder = filePath === undefined ? undefined : this.folders.folderOf(filePath);
    if (!s.enable || (filePath !== undefined && isExcluded(filePath, folder?.path, s.exclude))) {
      this.openDiagnostics.forget(uri);
      this.out.publish({ uri, version, diagnostics: [] });
      return;
    }
    const text = doc.getText();
    const findings = this.analyze(path, text, s.rules);
    if (!findings || stale()) return;
    const diagnostics = this.openDiagnostics.convert(uri, findings);
    this.out.publish({ uri, version, diagnostics }, { text, findings });
    if (cascade && filePath !== undefined && TF.test(filePath)) this.recheckTerraformSiblings(filePath);
    // The editor's edits come as line/character ranges, which the document turns into offsets
    // with a table of line starts that it builds on first use: the first keystroke, which then
    // scans the whole text (7 ms on a 20k-line file). Built once the first publish is out.
    if (version === this.openedVersion.get(uri)) setImmediate(() => void this.documents.get(uri)?.lineCount);
  }

  /**
   * Checks a file's disk version and publishes its findings; true when it was analysed.
   * `force` checks it even where the scan is off; `clear` clears its diagnostics when it is not
   * checked (a document just closed).
   */
  private async checkDisk(path: string, opts: { force?: boolean; clear?: boolean }): Promise<boolean> {
    if (this.openByPath.has(path) || !this.analyzer) return false;
    const folder = this.folders.folderOf(path);
    const s = await this.settings.get(folder?.uri ?? this.uriFor(path));
    if (this.openByPath.has(path)) return false;
    const wanted =
      s.enable &&
      (opts.force || s.workspaceScan.enabled) &&
      !isExcluded(path, folder?.path, s.exclude) &&
      !inSkippedDir(path, folder?.path);
    if (!wanted) {
      this.clearDisk(path, opts.clear ?? false);
      return false;
    }
    const read = readTextFile(path, SCAN_MAX_BYTES);
    if ('skipped' in read) {
      this.clearDisk(path, opts.clear ?? false);
      return false;
    }
    const findings = this.analyze(path, read.text, s.rules);
    if (!findings) {
      this.clearDisk(path, opts.clear ?? false);
      return false;
    }
    const uri = this.uriFor(path);
    this.out.publish({ uri, diagnostics: findings.map(toDiagnostic) });
    this.diskPublished.set(path, uri);
    return true;
  }

  private clearDisk(path: string, always: boolean): void {
    const uri = this.diskPublished.get(path) ?? (always ? this.uriFor(path) : undefined);
    this.diskPublished.delete(path);
    this.analyzer?.forget(path);
    if (uri !== undefined) this.out.publish({ uri, diagnostics: [] });
  }

  /**
   * A Terraform file changed: the other files of its module folder may gain or lose findings
   * (duplicate declarations, undeclared references), so re-check those that are open or scanned.
   */
  private recheckTerraformSiblings(path: string): void {
    this.recheckTerraformFolder(dirname(path), path);
  }

  /** Provider schemas of a module folder arrived (or changed): its findings may change. */
  terraformSchemasChanged(dir: string): void {
    this.recheckTerraformFolder(dir);
  }

  private recheckTerraformFolder(dir: string, except?: string): void {
    const names = new Set<string>();
    try {
      for (const n of readdirSync(dir)) names.add(join(dir, n));
    } catch {
      // The folder may be gone; open buffers in it still count.
    }
    for (const p of this.openByPath.keys()) if (dirname(p) === dir) names.add(p);
    for (const sibling of names) {
      if (sibling === except || !TF.test(sibling)) continue;
      const uri = this.openByPath.get(sibling);
      if (uri !== undefined) this.schedule(uri, 0, false);
      else if (this.diskPublished.has(sibling)) {
        void this.scheduler.enqueue('background', diskKey(sibling), () => this.checkDisk(sibling, {}));
      }
    }
  }

  private analyze(path: string, text: string, rules: BulwarkSettings['rules']): Finding[] | undefined {
    try {
      return this.analyzer?.analyze(path, text, { overrides: { rules } }).findings;
    } catch (e) {
      this.out.error(`bulwark: internal error while checking ${path} (file skipped): ${describe(e)}`);
      return undefined;
    }
  }

  private uriFor(path: string): string {
    return this.uriSpelling.get(path) ?? pathToUri(path);
  }
}

const openKey = (uri: string) => `open:${uri}`;
const diskKey = (path: string) => `disk:${path}`;

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
