/**
 * The language server: wires the LSP connection to the validation scheduler and the core.
 * Runs over stdio (`node dist/server.js --stdio`: the VS Code client, the benchmark) or Node IPC.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from './core/analyzer';
import { createServerConnection } from './node/connection';
import { createHost } from './node/diskHost';
import { limitHeapGrowth } from './node/heap';
import { TerraformProviderSchemaCache } from './node/terraformProviderSchemas';
import { ClusterSchemaCache } from './node/clusterSchemas';
import { ClusterSchemaSupport } from './lsp/clusterSchemas';
import { kubernetesIndex } from './core/features/schemaRoots';
import { codeActions } from './lsp/codeActions';
import { PublishedFindings } from './lsp/publishedFindings';
import { FEATURE_CAPABILITIES, PublishedDiagnostics, registerFeatures } from './lsp/features/index';
import { WorkspaceFolders } from './lsp/folders';
import { DEFAULT_SETTINGS, normalizeSettings, SettingsCache } from './lsp/settings';
import { Validation } from './lsp/validation';
import {
  CheckWorkspaceRequest,
  ReadyNotification,
  RefreshClusterSchemasRequest,
  ScanFinishedNotification,
  type InitializationOptions,
} from './protocol';
import { version } from '../../package.json';

/**
 * Open documents larger than this get a single "not analysed" note instead of a multi-second
 * parse. `BULWARK_MAX_OPEN_CHARS` raises it: edits re-analyse only the documents they touch, so
 * past the first parse (about 0.3 s per MiB) big files stay responsive (see docs/performance.md).
 */
const MAX_ANALYSED_CHARS = Number(process.env.BULWARK_MAX_OPEN_CHARS) || 16 * 1024 * 1024;

limitHeapGrowth();
const connection = createServerConnection();
const documents = new TextDocuments(TextDocument);
const folders = new WorkspaceFolders();
let capabilities: ClientCapabilities = {};
let validation: Validation | undefined;
let analyzer: Promise<Analyzer> | undefined;
/** Opt-in cluster schemas for custom resources; set once the analyzer is ready. */
let cluster: ClusterSchemaSupport | undefined;
let clusterTrusted = true;
let initSettings: unknown;
const published = new PublishedDiagnostics();
/** Findings behind the open documents' diagnostics: their quick fixes, off the wire. */
const publishedFindings = new PublishedFindings();

// Last-resort guards: a bug must cost one file's diagnostics, never the server.
process.on('uncaughtException', (e) => connection.console.error(`bulwark: uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) =>
  connection.console.error(`bulwark: unhandled rejection: ${String(e)}`),
);

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  initSettings = init.settings;
  const base = normalizeSettings(init.settings, DEFAULT_SETTINGS);
  const pull = capabilities.workspace?.configuration
    ? (scopeUri: string) => connection.workspace.getConfiguration({ scopeUri, section: 'bulwark' })
    : undefined;
  const settings = new SettingsCache(base, pull, (m) => connection.console.error(m));
  validation = new Validation(documents, settings, folders, {
    publish: (p, basis) => {
      published.record(p);
      if (basis) publishedFindings.record(p.uri, p.version, basis.text, basis.findings);
      else publishedFindings.forget(p.uri);
      void connection.sendDiagnostics(p);
    },
    error: (m) => connection.console.error(m),
    scanFinished: (p) => void connection.sendNotification(ScanFinishedNotification.type, p),
  });
  const v = validation;
  // Provider schemas come from running terraform: only in a trusted workspace.
  const providerSchemas =
    init.trusted === false ? undefined : new TerraformProviderSchemaCache({ probeUninitialised: true });
  const host = Object.assign(
    createHost({
      overlay: (path) => v.openText(path),
      providerSchemas: providerSchemas && ((dir) => cachedProviderSchemas(providerSchemas, dir, v)),
    }),
    { clusterSchema: (apiVersion: string, kind: string) => cluster?.schema(apiVersion, kind) },
  );
  // Cluster schemas come from running kubectl: only in a trusted workspace.
  clusterTrusted = init.trusted !== false;
  analyzer = Analyzer.create(host, { assetsDir: __dirname, maxFileBytes: MAX_ANALYSED_CHARS });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      ...FEATURE_CAPABILITIES,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'bulwark', version },
  };
});

connection.onInitialized(async () => {
  const ws = capabilities.workspace;
  if (ws?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulwark' });
  }
  if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{tf,yaml,yml}' }],
    });
  }
  if (ws?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders.change(e.added, e.removed);
      void validation?.scanWorkspace(false);
    });
  }
  try {
    const a = await (analyzer as Promise<Analyzer>);
    validation?.start(a);
    cluster = clusterSchemaSupport(a);
    void cluster.refresh();
  } catch (e) {
    connection.console.error(`bulwark: could not load the analyzer from ${__dirname}: ${String(e)}`);
    return;
  }
  void connection.sendNotification(ReadyNotification.type, { version });
  void validation?.scanWorkspace(false);
});

documents.onDidOpen((e) => validation?.opened(e.document));
documents.onDidChangeContent((e) => validation?.changed(e.document));
documents.onDidClose((e) => validation?.closed(e.document));
connection.onDidChangeWatchedFiles((p) => validation?.watchedFilesChanged(p.changes));
connection.onDidChangeConfiguration(() => {
  validation?.configurationChanged();
  void cluster?.refresh();
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? codeActions(doc, params, publishedFindings) : [];
});

registerFeatures(connection, documents, () => analyzer, published);

connection.onRequest(RefreshClusterSchemasRequest.type, async () => ({
  kinds: (await cluster?.refresh(true)) ?? 0,
}));

/** Built-in group-versions are not fetched from the cluster: the generated schemas cover them. */
function clusterSchemaSupport(a: Analyzer): ClusterSchemaSupport {
  const builtIn = (apiVersion: string) =>
    kubernetesIndex(a.sources.schemas)?.hasApiVersion(apiVersion) ?? false;
  const pull = capabilities.workspace?.configuration
    ? () => connection.workspace.getConfiguration({ section: 'bulwark' }) as Promise<unknown>
    : () => Promise.resolve(initSettings);
  return new ClusterSchemaSupport(
    clusterTrusted ? new ClusterSchemaCache({ skip: builtIn }) : undefined,
    pull,
    () => validation?.configurationChanged(),
    (m) => connection.console.error(m),
  );
}

connection.onRequest(CheckWorkspaceRequest.type, async () => ({
  files: (await validation?.scanWorkspace(true)) ?? 0,
}));

/**
 * Never blocks a check on terraform: answers from the cache and, when the folder's schemas are
 * not loaded (or its lock file changed), loads them in the background and re-checks the folder.
 */
function cachedProviderSchemas(cache: TerraformProviderSchemaCache, dir: string, v: Validation) {
  const hit = cache.current(dir);
  if (hit) return hit.schemas;
  void cache.load(dir).then((loaded) => {
    if (loaded) v.terraformSchemasChanged(dir);
  });
  return undefined;
}

connection.onShutdown(() => validation?.dispose());

documents.listen(connection);
connection.listen();
