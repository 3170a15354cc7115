import { isMap, isPair, isScalar, type Node } from 'yaml';
import type { TfBlock, TfModule } from '../terraform/model';
import type { Position, Range } from '../types';
import {
  beforeTreeDropped,
  locate,
  nodeRange,
  pathRange,
  type DocKey,
  type PathSegment,
  type YamlDoc,
  type YamlFile,
} from '../yaml/yamlFile';
import { blockAddress } from './terraformNav';

/** Names mapped to LSP symbol kinds by the server. */
export type SymbolKindName =
  | 'class'
  | 'object'
  | 'namespace'
  | 'module'
  | 'variable'
  | 'constant'
  | 'field'
  | 'struct'
  | 'package'
  | 'interface'
  | 'key';

export interface DocSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  range: Range;
  selectionRange: Range;
  children?: DocSymbol[];
}

/** One symbol per Kubernetes object, `Kind/name`, with the apiVersion (and namespace) as detail. */
export function kubernetesSymbols(file: YamlFile): DocSymbol[] {
  const out: DocSymbol[] = [];
  for (const d of file.docs) if (isRecord(d.value)) out.push(...kubernetesDocumentSymbols(file, d));
  return out;
}

/** An object of a document that gets a symbol, and where it is in the document. */
interface Entry {
  obj: Record<string, unknown>;
  prefix: PathSegment[];
}

/**
 * Per document, per entry: offsets in the document of the object's root node and of its name
 * (or kind); `undefined` where one is missing (the symbol is then worked out from the tree).
 * Offsets do not move with the document, and need no tree once known: they are taken before a
 * document's tree is dropped, so the first outline of a big file parses nothing again.
 */
const anchorsByDoc = new WeakMap<DocKey, (readonly number[] | undefined)[]>();
beforeTreeDropped((d) => {
  if (isRecord(d.value) && !anchorsByDoc.has(d.key)) anchorsByDoc.set(d.key, anchorsOf(d));
});

function anchorsOf(d: YamlDoc): (readonly number[] | undefined)[] {
  return entries(d).map((e) => {
    const root = locate(d.doc, e.prefix).value?.range;
    const sel = locate(d.doc, selectionPath(e));
    const at = sel.found ? sel.value?.range : undefined;
    return root && at ? [root[0], root[1], at[0], at[1]] : undefined;
  });
}

function anchorsAt(d: YamlDoc): (readonly number[] | undefined)[] {
  let anchors = anchorsByDoc.get(d.key);
  if (!anchors) anchorsByDoc.set(d.key, (anchors = anchorsOf(d)));
  return anchors;
}

/** Where the root node of a document's object starts (a lens goes there), if it has one. */
export function kubernetesObjectStart(file: YamlFile, d: YamlDoc): Position | undefined {
  const a = anchorsAt(d)[0];
  if (a) return file.lines.positionAt(d.offset + (a[0] as number));
  return nodeRange(file, d, locate(d.doc, []).value)?.start;
}

/** The symbols of one document of a manifest. */
export function kubernetesDocumentSymbols(file: YamlFile, d: YamlDoc): DocSymbol[] {
  const anchors = anchorsAt(d);
  const out: DocSymbol[] = [];
  entries(d).forEach((e, i) => {
    const a = anchors[i];
    const range = a
      ? file.lines.range(d.offset + (a[0] as number), d.offset + (a[1] as number))
      : (nodeRange(file, d, locate(d.doc, e.prefix).value) ?? pathRange(file, d, e.prefix));
    const sel = a
      ? file.lines.range(d.offset + (a[2] as number), d.offset + (a[3] as number))
      : pathRange(file, d, selectionPath(e));
    out.push({ ...describe(e.obj), kind: 'class', range, selectionRange: clampInside(sel, range) });
  });
  return out;
}

function entries(d: YamlDoc): Entry[] {
  const out: Entry[] = [];
  const add = (obj: Record<string, unknown>, prefix: PathSegment[]) => {
    if (typeof obj.kind === 'string' || typeof obj.apiVersion === 'string') out.push({ obj, prefix });
  };
  if (!isRecord(d.value)) return out;
  add(d.value, []);
  const items = d.value.items;
  if (d.value.kind === 'List' && Array.isArray(items)) {
    items.forEach((item, i) => {
      if (isRecord(item)) add(item, ['items', i]);
    });
  }
  return out;
}

function selectionPath(e: Entry): PathSegment[] {
  const meta = isRecord(e.obj.metadata) ? e.obj.metadata : {};
  return typeof meta.name === 'string' ? [...e.prefix, 'metadata', 'name'] : [...e.prefix, 'kind'];
}

function describe(obj: Record<string, unknown>): { name: string; detail?: string } {
  const kind = typeof obj.kind === 'string' ? obj.kind : undefined;
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name =
    typeof meta.name === 'string'
      ? meta.name
      : typeof meta.generateName === 'string'
        ? `${meta.generateName}*`
        : '(unnamed)';
  const detail = [obj.apiVersion, meta.namespace].filter((x) => typeof x === 'string').join(' · ');
  return { name: `${kind ?? '(no kind)'}/${name}`, detail: detail || undefined };
}

const COMPOSE_SECTIONS: Record<string, SymbolKindName> = {
  services: 'class',
  networks: 'interface',
  volumes: 'package',
  secrets: 'key',
  configs: 'object',
};

/** The top-level sections of a Compose file, each with one child per declared name. */
export function composeSymbols(file: YamlFile): DocSymbol[] {
  const out: DocSymbol[] = [];
  for (const d of file.docs) {
    const root = d.doc.contents;
    if (!isMap(root)) continue;
    for (const pair of root.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const section = String(pair.key.value);
      const kind = COMPOSE_SECTIONS[section];
      if (!kind) continue;
      const keyRange = nodeRange(file, d, pair.key as Node);
      if (!keyRange) continue;
      const valueRange = nodeRange(file, d, pair.value as Node | null);
      const children: DocSymbol[] = [];
      if (isMap(pair.value)) {
        for (const entry of pair.value.items) {
          if (!isPair(entry) || !isScalar(entry.key)) continue;
          const k = nodeRange(file, d, entry.key as Node);
          if (!k) continue;
          const v = nodeRange(file, d, entry.value as Node | null);
          const image = section === 'services' && isMap(entry.value) ? entry.value.get('image') : undefined;
          children.push({
            name: String(entry.key.value),
            detail: typeof image === 'string' ? image : undefined,
            kind,
            range: v ? { start: k.start, end: v.end } : k,
            selectionRange: k,
          });
        }
      }
      out.push({
        name: section,
        kind: 'namespace',
        range: valueRange ? { start: keyRange.start, end: valueRange.end } : keyRange,
        selectionRange: keyRange,
        children,
      });
    }
  }
  return out;
}

const TF_KIND: Record<string, SymbolKindName> = {
  resource: 'struct',
  data: 'interface',
  ephemeral: 'struct',
  variable: 'variable',
  output: 'constant',
  module: 'module',
  provider: 'package',
  locals: 'namespace',
  terraform: 'namespace',
};

/** The blocks of one .tf file of the module, named by address (`aws_s3_bucket.logs`, `var.region`). */
export function terraformSymbols(module: TfModule, path: string): DocSymbol[] {
  const file = module.files.find((f) => f.path === path);
  if (!file) return [];
  return file.blocks.map((b) => tfSymbol(b));
}

function tfSymbol(b: TfBlock): DocSymbol {
  const address = blockAddress(b);
  const name = address ?? [b.type, ...b.labels].join('.');
  const sym: DocSymbol = {
    name,
    detail: b.type,
    kind: TF_KIND[b.type] ?? 'object',
    range: b.range,
    selectionRange: b.labelRanges.at(-1) ?? b.typeRange,
  };
  if (b.type === 'locals') {
    sym.children = b.attributes.map((a) => ({
      name: `local.${a.name}`,
      kind: 'field',
      range: a.range,
      selectionRange: a.nameRange,
    }));
  }
  return sym;
}

/** LSP requires the selection range to lie inside the range. */
function clampInside(sel: Range, range: Range): Range {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  if (before(sel.start, range.start) || before(range.end, sel.end))
    return { start: range.start, end: range.start };
  return sel;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
