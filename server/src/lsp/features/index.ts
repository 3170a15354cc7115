/**
 * Thin LSP glue for the editor features of the core (server/src/core/features): get the
 * document, ask the core, convert to LSP types. Registered from server.ts in one call.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../../core/analyzer';
import type { CompletionKind } from '../../core/features/completion';
import { EditorFeatures } from '../../core/features/service';
import type { DocSymbol, SymbolKindName } from '../../core/features/symbols';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../../protocol';
import { analysisPath, pathToUri } from '../uri';

/** What the server advertises for these features. */
export const FEATURE_CAPABILITIES: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['.', ':', '-'] },
  documentSymbolProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  codeLensProvider: { resolveProvider: false },
};

/** The last diagnostics published per URI, so hovering a finding costs no re-analysis. */
export class PublishedDiagnostics {
  private readonly byUri = new Map<string, Diagnostic[]>();

  record(p: PublishDiagnosticsParams): void {
    if (p.diagnostics.length) this.byUri.set(p.uri, p.diagnostics);
    else this.byUri.delete(p.uri);
  }

  findings(uri: string): { ruleId: string; range: Diagnostic['range'] }[] {
    return (this.byUri.get(uri) ?? [])
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string')
      .map((d) => ({ ruleId: d.code as string, range: d.range }));
  }
}

const SYMBOL_KIND: Record<SymbolKindName, SymbolKind> = {
  class: SymbolKind.Class,
  object: SymbolKind.Object,
  namespace: SymbolKind.Namespace,
  module: SymbolKind.Module,
  variable: SymbolKind.Variable,
  constant: SymbolKind.Constant,
  field: SymbolKind.Field,
  struct: SymbolKind.Struct,
  package: SymbolKind.Package,
  interface: SymbolKind.Interface,
  key: SymbolKind.Key,
};

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  reference: CompletionItemKind.Reference,
  module: CompletionItemKind.Module,
  class: CompletionItemKind.Class,
  variable: CompletionItemKind.Variable,
};

/**
 * Registers hover, completion, document symbols, definition, references and code lenses.
 * `analyzer` resolves once the core's assets are loaded; requests before that get no answer.
 */
export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyzer: () => Promise<Analyzer> | undefined,
  published: PublishedDiagnostics,
): void {
  let features: EditorFeatures | undefined;
  const get = async (uri: string) => {
    const doc = documents.get(uri);
    const a = analyzer();
    if (!doc || !a) return undefined;
    features ??= new EditorFeatures((await a).sources, ruleDocsUrl);
    return { doc, path: analysisPath(uri, doc.languageId), text: doc.getText(), features };
  };
  const safe =
    <P, R>(name: string, fallback: R, f: (p: P) => Promise<R>) =>
    async (p: P): Promise<R> => {
      try {
        return await f(p);
      } catch (e) {
        connection.console.error(
          `bulwark: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        return fallback;
      }
    };

  connection.onHover(
    safe('hover', null, async (p): Promise<Hover | null> => {
      const c = await get(p.textDocument.uri);
      const h = c?.features.hover(c.path, c.text, p.position, published.findings(p.textDocument.uri));
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    }),
  );

  connection.onCompletion(
    safe('completion', [], async (p): Promise<CompletionItem[]> => {
      const c = await get(p.textDocument.uri);
      if (!c) return [];
      return c.features.completion(c.path, c.text, p.position).map((e) => ({
        label: e.label,
        kind: COMPLETION_KIND[e.kind],
        detail: e.detail,
        documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
        sortText: e.sortText,
        filterText: e.label,
        insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: e.range, newText: e.insertText },
      }));
    }),
  );

  connection.onDocumentSymbol(
    safe('documentSymbol', [], async (p): Promise<DocumentSymbol[]> => {
      const c = await get(p.textDocument.uri);
      return c ? c.features.symbols(c.path, c.text).map(toSymbol) : [];
    }),
  );

  connection.onDefinition(
    safe('definition', [], async (p): Promise<Location[]> => {
      const c = await get(p.textDocument.uri);
      if (!c) return [];
      return c.features
        .definition(c.path, c.text, p.position)
        .map((r) => location(r, c.path, p.textDocument.uri));
    }),
  );

  connection.onReferences(
    safe('references', [], async (p): Promise<Location[]> => {
      const c = await get(p.textDocument.uri);
      if (!c) return [];
      return c.features
        .references(c.path, c.text, p.position, p.context.includeDeclaration)
        .map((r) => location(r, c.path, p.textDocument.uri));
    }),
  );

  connection.onCodeLens(
    safe('codeLens', [], async (p): Promise<CodeLens[]> => {
      const c = await get(p.textDocument.uri);
      if (!c) return [];
      const settings = (await connection.workspace
        .getConfiguration({ scopeUri: p.textDocument.uri, section: 'bulwark' })
        .catch(() => undefined)) as { codeLens?: { enabled?: boolean } } | undefined;
      if (settings?.codeLens?.enabled !== true) return [];
      return c.features.codeLenses(c.path, c.text).map((l) => ({
        range: l.range,
        command: { title: l.title, command: l.command, arguments: [pathToUri(l.target)] },
      }));
    }),
  );
}

/** A result in the requested file keeps the client's URI spelling; others get a file URI. */
function location(r: { path: string; range: Location['range'] }, path: string, uri: string): Location {
  return { uri: r.path === path ? uri : pathToUri(r.path), range: r.range };
}

function toSymbol(s: DocSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children?.map(toSymbol),
  };
}
