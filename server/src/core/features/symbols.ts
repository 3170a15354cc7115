import { isMap, isPair, isScalar, type Node } from 'yaml';
import type { TfBlock, TfModule } from '../terraform/model';
import type { Range } from '../types';
import {
  locate,
  nodeRange,
  pathRange,
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
  for (const d of file.docs) {
    if (!isRecord(d.value)) continue;
    addObject(file, d, d.value, [], out);
    const items = d.value.items;
    if (d.value.kind === 'List' && Array.isArray(items)) {
      items.forEach((item, i) => {
        if (isRecord(item)) addObject(file, d, item, ['items', i], out);
      });
    }
  }
  return out;
}

function addObject(
  file: YamlFile,
  d: YamlDoc,
  obj: Record<string, unknown>,
  prefix: PathSegment[],
  out: DocSymbol[],
): void {
  const kind = typeof obj.kind === 'string' ? obj.kind : undefined;
  if (!kind && typeof obj.apiVersion !== 'string') return;
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name =
    typeof meta.name === 'string'
      ? meta.name
      : typeof meta.generateName === 'string'
        ? `${meta.generateName}*`
        : '(unnamed)';
  const range = nodeRange(file, d, locate(d.doc, prefix).value) ?? pathRange(file, d, prefix);
  const selPath = typeof meta.name === 'string' ? [...prefix, 'metadata', 'name'] : [...prefix, 'kind'];
  const detail = [obj.apiVersion, meta.namespace].filter((x) => typeof x === 'string').join(' · ');
  out.push({
    name: `${kind ?? '(no kind)'}/${name}`,
    detail: detail || undefined,
    kind: 'class',
    range,
    selectionRange: clampInside(pathRange(file, d, selPath), range),
  });
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
