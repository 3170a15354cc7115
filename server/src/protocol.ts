/**
 * The one contract between the VS Code client and the language server: every custom request and
 * notification, typed, with who sends it. Imported by both sides (and by the protocol tests), so
 * it depends on the protocol package only, never on the server or on vscode.
 */
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

/** Where rule documentation lives; a rule's page is `${RULE_DOCS_BASE}/<ruleId>.md`. */
export const RULE_DOCS_BASE = 'https://github.com/bulwark-dev/bulwark/blob/main/docs/rules';

/** The language server's `diagnostic.source`. */
export const DIAGNOSTIC_SOURCE = 'bulwark';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}/${ruleId}.md`;
}

/** Client command ids the server refers to (in code actions). */
export const Commands = {
  restartServer: 'bulwark.restartServer',
  showOutput: 'bulwark.showOutput',
  openRuleDocs: 'bulwark.openRuleDocs',
  checkWorkspace: 'bulwark.checkWorkspace',
  selectEnvironment: 'bulwark.selectEnvironment',
  plan: 'bulwark.plan',
  deploy: 'bulwark.deploy',
  rollback: 'bulwark.rollback',
  showAuditLog: 'bulwark.showAuditLog',
  /** Code lenses pass the target's file or folder URI (a string) as the only argument. */
  rolloutStatus: 'bulwark.rolloutStatus',
  filterAuditLog: 'bulwark.filterAuditLog',
  refreshDeployPanels: 'bulwark.refreshDeployPanels',
  refreshClusterSchemas: 'bulwark.refreshClusterSchemas',
} as const;

export interface ReadyParams {
  /** Server version (package.json), for logs. */
  version: string;
}

/**
 * Sent by the server once, after `initialized` and after the analyzer's assets (WASM grammars,
 * schemas) are loaded: from then on every opened document is checked. Tests wait on it.
 */
export const ReadyNotification = {
  method: 'bulwark/ready',
  type: new NotificationType<ReadyParams>('bulwark/ready'),
} as const;

export interface ScanFinishedParams {
  /** Workspace folder URIs that were walked. */
  folders: string[];
  /** Files analysed from disk during this scan (open documents are not counted). */
  files: number;
  /** True when a newer scan replaced this one before it finished. */
  cancelled: boolean;
}

/**
 * Sent by the server when a background workspace scan has finished: every candidate file in the
 * workspace folders not open in the editor has been analysed and its diagnostics published.
 * Sent after each scan (start-up, settings change, folder change, `bulwark/checkWorkspace`),
 * also when the scan is disabled (then with `files: 0`).
 */
export const ScanFinishedNotification = {
  method: 'bulwark/scanFinished',
  type: new NotificationType<ScanFinishedParams>('bulwark/scanFinished'),
} as const;

export interface CheckWorkspaceResult {
  files: number;
}

/**
 * Sent by the client (command `bulwark.checkWorkspace`): re-walk every workspace folder and
 * re-check every file, whatever `bulwark.workspaceScan.enabled` says. Resolves when done.
 */
export const CheckWorkspaceRequest = {
  method: 'bulwark/checkWorkspace',
  type: new RequestType0<CheckWorkspaceResult, void>('bulwark/checkWorkspace'),
} as const;

export interface RefreshClusterSchemasResult {
  /** Kinds the cluster's schemas describe; 0 when the setting is off or the cluster unreachable. */
  kinds: number;
}

/**
 * Sent by the client (command `bulwark.refreshClusterSchemas`): re-read the cluster's OpenAPI v3
 * schemas (skipping the disk cache) when `bulwark.kubernetes.clusterSchemas` is on, then re-check.
 */
export const RefreshClusterSchemasRequest = {
  method: 'bulwark/refreshClusterSchemas',
  type: new RequestType0<RefreshClusterSchemasResult, void>('bulwark/refreshClusterSchemas'),
} as const;

/**
 * Settings under `bulwark.*`, as the server pulls them per resource. package.json
 * `contributes.configuration` documents each one; keep the two in step.
 */
export interface BulwarkSettings {
  enable: boolean;
  validate: { debounceMs: number };
  workspaceScan: { enabled: boolean };
  exclude: string[];
  /** Rule id to `off` or a severity; wins over `.bulwark.yaml` (like the `rules:` map there). */
  rules: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'>;
  /** Opt-in: custom resources checked against the schemas the cluster serves (trusted workspaces only). */
  kubernetes?: { clusterSchemas?: boolean; context?: string };
}

/** `initializationOptions` the server accepts: defaults used before and besides pulled settings. */
export interface InitializationOptions {
  settings?: Partial<BulwarkSettings>;
  /**
   * Workspace trust. Validation only reads files and runs in untrusted workspaces too; anything
   * that would run a tool from the workspace (terraform) must check this first. The client
   * restarts the server when trust is granted. Absent means trusted (the CLI, tests).
   */
  trusted?: boolean;
}
