import type { SchemaStore } from '../schema/store';
import type { TerraformProviderSchemas } from '../terraform/check';
import type { TfBlock, TfModule } from '../terraform/model';
import type { Position, Range } from '../types';
import type { PathSegment, YamlFile } from '../yaml/yamlFile';
import type { CrdSource } from './crd';
import {
  composeNav,
  composeRoot,
  isRecord,
  kubernetesIndex,
  kubernetesNav,
  kubernetesRoot,
  objectAndPath,
} from './schemaRoots';
import type { SchemaAt, SchemaNav } from './schemaNav';
import { providerBlockSchema } from './providerSchema';
import { BLOCK_DOCS, BLOCK_NAMED, BLOCK_SNIPPETS, META_ARGUMENTS, META_ARGUMENT_DOCS } from './terraformDocs';
import { contains, declarations } from './terraformNav';
import { documentAt, documentLines, lineOf } from './documentAt';
import { parentPathAt, siblingKeys } from './yamlPath';

export type CompletionKind =
  'property' | 'value' | 'keyword' | 'snippet' | 'reference' | 'module' | 'class' | 'variable';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert; a snippet (tabstops, `$0`) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  sortText?: string;
  /** The range the insert text replaces (the word typed so far). */
  range: Range;
}

/** The cursor's document as lines (`row`: the cursor's line among them) and the text before the cursor. */
interface LineContext {
  lines: string[];
  row: number;
  before: string;
}

/** Only the cursor's document is read: the cost of a request does not grow with the file. */
function yamlLineContext(file: YamlFile, pos: Position): LineContext {
  const { lines, pos: rel } = documentLines(file, pos);
  return { lines, row: rel.line, before: (lines[rel.line] ?? '').slice(0, pos.character) };
}

const YAML_KEY_TYPING = /^(\s*)((?:-\s+)*)([\w./-]*)$/;
const YAML_VALUE_TYPING = /^(\s*)((?:-\s+)*)([\w./-]+):\s+(["']?)([^"'#]*)$/;

/** Kubernetes keys at any depth, enum values, and apiVersion/kind pairs that exist. */
export function kubernetesCompletion(
  file: YamlFile,
  pos: Position,
  store: SchemaStore,
  crds?: CrdSource,
): CompletionEntry[] {
  const ctx = yamlLineContext(file, pos);
  const docValue = documentAt(file, file.lines.offsetAt(pos))?.value;
  const nav = kubernetesNav(store);
  return yamlCompletion(
    ctx,
    pos,
    nav,
    (path) => {
      const { obj, path: inner } = objectAndPath(docValue, path);
      const root = kubernetesRoot(store, crds, obj);
      return root ? { root, path: inner } : undefined;
    },
    (path, key, typed) => {
      if (path.length !== 0) return undefined;
      return kindValues(store, crds, docValue, key, typed);
    },
    (path, range) =>
      path.length === 0 && !(isRecord(docValue) && typeof docValue.kind === 'string')
        ? kindPairs(store, range)
        : [],
  );
}

/** compose-spec keys at any depth, enum values, and names declared in the file where one is referenced. */
export function composeCompletion(file: YamlFile, pos: Position, store: SchemaStore): CompletionEntry[] {
  const ctx = yamlLineContext(file, pos);
  const docValue = documentAt(file, file.lines.offsetAt(pos))?.value;
  const root = composeRoot(store);
  if (!root) return [];
  return yamlCompletion(
    ctx,
    pos,
    composeNav(store),
    (path) => ({ root, path }),
    (path, key) => {
      const section = COMPOSE_REFS[key];
      if (path[0] !== 'services' || path.length !== 2 || !section || !isRecord(docValue)) return undefined;
      const names = isRecord(docValue[section]) ? Object.keys(docValue[section]) : [];
      return names.length ? names : undefined;
    },
    () => [],
    (path) => {
      // Items of `depends_on: [..]`, `networks: [..]`... under a service name the declared names.
      const key = path.at(-2);
      const section = typeof key === 'string' ? COMPOSE_REFS[key] : undefined;
      if (path[0] !== 'services' || path.length !== 4 || !section || !isRecord(docValue)) return undefined;
      return isRecord(docValue[section]) ? Object.keys(docValue[section]) : undefined;
    },
  );
}

/** Service-level keys that name a top-level declaration. */
const COMPOSE_REFS: Record<string, string> = {
  depends_on: 'services',
  networks: 'networks',
  secrets: 'secrets',
  configs: 'configs',
  links: 'services',
  extends: 'services',
};

function yamlCompletion(
  ctx: LineContext,
  pos: Position,
  nav: SchemaNav,
  rootFor: (path: PathSegment[]) => { root: SchemaAt; path: PathSegment[] } | undefined,
  valuesFor: (path: PathSegment[], key: string, typed: string) => string[] | undefined,
  extraKeys: (path: PathSegment[], range: Range) => CompletionEntry[],
  itemValuesFor: (path: PathSegment[]) => string[] | undefined = () => undefined,
): CompletionEntry[] {
  const value = YAML_VALUE_TYPING.exec(ctx.before);
  if (value) {
    const [, indent, dashes, key, , typed] = value as unknown as string[];
    const col = indent!.length + dashes!.length;
    const dashCol = dashes ? indent!.length + dashes.lastIndexOf('-') : undefined;
    const parent = parentPathAt(ctx.lines, ctx.row, col, dashCol);
    if (!parent) return [];
    const range = wordRange(pos, typed!.length);
    const special = valuesFor(parent, key!, typed!);
    const values = special ?? schemaValues(nav, rootFor([...parent, key!]), key!);
    return values.map((v, i) => ({ label: v, kind: 'value', insertText: v, range, sortText: pad(i) }));
  }
  const m = YAML_KEY_TYPING.exec(ctx.before);
  if (!m) return [];
  const [, indent, dashes, typed] = m as unknown as string[];
  const col = indent!.length + dashes!.length;
  const dashCol = dashes ? indent!.length + dashes.lastIndexOf('-') : undefined;
  const parent = parentPathAt(ctx.lines, ctx.row, col, dashCol);
  if (!parent) return [];
  const range = wordRange(pos, typed!.length);
  // A bare item of a list of names (`depends_on:\n  - |`).
  if (dashCol !== undefined) {
    const names = itemValuesFor(parent);
    if (names)
      return names.map((v, i) => ({ label: v, kind: 'value', insertText: v, range, sortText: pad(i) }));
  }
  const target = rootFor(parent);
  const out = extraKeys(parent, range);
  if (!target) return out;
  const at = nav.path(target.root, target.path);
  if (!at) return out;
  const present = siblingKeys(ctx.lines, ctx.row, col, dashCol !== undefined);
  for (const p of nav.properties(at)) {
    if (present.has(p.name) || p.name === 'status') continue;
    const child = nav.resolve(p.schema);
    const description = nav
      .variants(child)
      .map((v) => v.schema.description)
      .find((d) => d);
    out.push({
      label: p.name,
      kind: 'property',
      detail: `${nav.typeLabel(child)}${p.required ? ' (required)' : ''}`,
      documentation: description,
      insertText: keyInsert(nav, p.name, child),
      snippet: true,
      sortText: `${p.required ? '0' : '1'}_${p.name}`,
      range,
    });
  }
  return out;
}

function schemaValues(
  nav: SchemaNav,
  target: { root: SchemaAt; path: PathSegment[] } | undefined,
  _key: string,
): string[] {
  if (!target) return [];
  const at = nav.path(target.root, target.path);
  if (!at) return [];
  const values = nav.allowedValues(at).map(String);
  if (values.length > 0) return values;
  return nav.typeLabel(at) === 'boolean' ? ['true', 'false'] : [];
}

/** `key: ` for scalars, a nested mapping or sequence for objects and arrays; enums as a choice. */
function keyInsert(nav: SchemaNav, name: string, s: SchemaAt): string {
  const shape = nav.shape(s);
  if (shape === 'object') return `${name}:\n  $0`;
  if (shape === 'array') {
    const item = nav.child(s, 0);
    return item && nav.shape(item) === 'scalar' ? `${name}:\n  - $0` : `${name}:\n  - $0`;
  }
  const values = nav.allowedValues(s).map(String);
  if (values.length > 0 && values.length <= 20 && values.every((v) => /^[\w./-]+$/.test(v))) {
    return `${name}: \${1|${values.join(',')}|}`;
  }
  return `${name}: $0`;
}

/** Values for top-level `kind:` (kinds of the doc's apiVersion) and `apiVersion:` (versions serving its kind). */
function kindValues(
  store: SchemaStore,
  crds: CrdSource | undefined,
  doc: unknown,
  key: string,
  _typed: string,
): string[] | undefined {
  const index = kubernetesIndex(store);
  if (!index) return undefined;
  const o = isRecord(doc) ? doc : {};
  if (key === 'kind') {
    const kinds =
      typeof o.apiVersion === 'string' && index.hasApiVersion(o.apiVersion)
        ? index.kindsOf(o.apiVersion)
        : index.allKinds();
    return kinds.filter((k) => !k.endsWith('List')).sort();
  }
  if (key === 'apiVersion') {
    const versions = typeof o.kind === 'string' ? index.apiVersionsOf(o.kind) : [];
    if (versions.length) return [...versions].sort(preferStable);
    const all = new Set(index.allKinds().flatMap((k) => index.apiVersionsOf(k)));
    return [...all].sort(preferStable);
  }
  void crds;
  return undefined;
}

function preferStable(a: string, b: string): number {
  const rank = (v: string) => (/alpha/.test(v) ? 2 : /beta/.test(v) ? 1 : 0);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** `Deployment (apps/v1)` -> `apiVersion: apps/v1\nkind: Deployment`, for each stable built-in kind. */
function kindPairs(store: SchemaStore, range: Range): CompletionEntry[] {
  const index = kubernetesIndex(store);
  if (!index) return [];
  const out: CompletionEntry[] = [];
  for (const kind of index.allKinds().sort()) {
    if (kind.endsWith('List')) continue;
    const version = [...index.apiVersionsOf(kind)].sort(preferStable)[0];
    if (!version) continue;
    out.push({
      label: `${kind} (${version})`,
      kind: 'class',
      detail: 'apiVersion + kind',
      insertText: `apiVersion: ${version}\nkind: ${kind}\nmetadata:\n  name: \${1:name}\n$0`,
      snippet: true,
      sortText: `2_${kind}`,
      range,
    });
  }
  return out;
}

function wordRange(pos: Position, typedLength: number): Range {
  return { start: { line: pos.line, character: pos.character - typedLength }, end: pos };
}

function pad(i: number): string {
  return String(i).padStart(4, '0');
}

const TF_REF =
  /(?:^|[^\w.])((?:var|local|module|data|ephemeral)\.(?:[\w-]+\.)?|[a-z][a-z0-9]*_[\w-]+\.)([\w-]*)$/;
const TF_WORD = /[\w-]*$/;

/** Block types, meta-arguments, provider attributes and references declared in the module folder. */
export function terraformCompletion(
  module: TfModule,
  path: string,
  text: string,
  pos: Position,
  providerSchemas?: TerraformProviderSchemas,
): CompletionEntry[] {
  const before = lineOf(text, pos.line).slice(0, pos.character);
  const file = module.files.find((f) => f.path === path);
  const chain = file ? enclosingBlocks(file.blocks, pos) : [];
  const ref = TF_REF.exec(before);
  if (ref && /=|\(|\[|\{|,|\?|:|\$\{/.test(before)) return referenceCompletion(module, ref[1]!, ref[2]!, pos);
  const word = TF_WORD.exec(before)![0];
  const range = wordRange(pos, word.length);
  const lineStart = before.slice(0, before.length - word.length).trim() === '';
  if (!lineStart) {
    // An expression: the roots of references.
    if (/=\s*[\w-]*$/.test(before) || /[(,[]\s*[\w-]*$/.test(before)) return referenceRoots(module, range);
    return [];
  }
  if (chain.length === 0) {
    return BLOCK_SNIPPETS.map((b, i) => ({
      label: b.type,
      kind: 'keyword',
      detail: 'block',
      documentation: BLOCK_DOCS[b.type]?.text,
      insertText: b.snippet,
      snippet: true,
      sortText: pad(i),
      range,
    }));
  }
  return argumentCompletion(chain, range, providerSchemas);
}

/** Blocks containing the position, outermost first (the header line excluded). */
function enclosingBlocks(blocks: TfBlock[], pos: Position): TfBlock[] {
  for (const b of blocks) {
    if (!contains(b.range, pos) || pos.line <= b.headerRange.end.line) continue;
    if (pos.line === b.range.end.line && !b.unclosed && pos.character >= b.range.end.character - 1) continue;
    return [b, ...enclosingBlocks(b.blocks, pos)];
  }
  return [];
}

function argumentCompletion(
  chain: TfBlock[],
  range: Range,
  schemas?: TerraformProviderSchemas,
): CompletionEntry[] {
  const block = chain.at(-1)!;
  const top = chain[0]!;
  const present = new Set([...block.attributes.map((a) => a.name)]);
  const out: CompletionEntry[] = [];
  if (chain.length === 1) {
    for (const name of META_ARGUMENTS[block.type] ?? []) {
      if (present.has(name)) continue;
      const isBlock = BLOCK_NAMED.has(name);
      out.push({
        label: name,
        kind: 'keyword',
        detail: isBlock ? 'meta-block' : 'meta-argument',
        documentation: (META_ARGUMENT_DOCS[name] ?? BLOCK_DOCS[name])?.text,
        insertText: isBlock ? `${name} {\n\t$0\n}` : `${name} = $0`,
        snippet: true,
        sortText: `2_${name}`,
        range,
      });
    }
  }
  if (['resource', 'data', 'ephemeral'].includes(top.type) && top.labels[0]) {
    let schema = providerBlockSchema(schemas, top.type, top.labels[0]);
    for (const nested of chain.slice(1)) schema = schema?.block_types?.[nested.type]?.block;
    for (const [name, a] of Object.entries(schema?.attributes ?? {})) {
      if (present.has(name) || (!a.required && !a.optional)) continue;
      out.push({
        label: name,
        kind: 'property',
        detail: a.required ? 'required' : 'optional',
        documentation: a.description,
        insertText: `${name} = $0`,
        snippet: true,
        sortText: `${a.required ? '0' : '1'}_${name}`,
        range,
      });
    }
    for (const [name, b] of Object.entries(schema?.block_types ?? {})) {
      out.push({
        label: name,
        kind: 'property',
        detail: `block (${b.nesting_mode ?? 'single'})`,
        documentation: b.block?.description,
        insertText: `${name} {\n\t$0\n}`,
        snippet: true,
        sortText: `1_${name}`,
        range,
      });
    }
  }
  return out;
}

function referenceRoots(module: TfModule, range: Range): CompletionEntry[] {
  const roots = new Set(['var', 'local', 'module', 'data']);
  for (const d of declarations(module)) {
    const first = d.address.split('.')[0]!;
    if (!['var', 'local', 'module', 'data', 'ephemeral'].includes(first)) roots.add(first);
  }
  return [...roots].sort().map((r) => ({ label: r, kind: 'reference', insertText: r, range }));
}

/** `var.` -> variables, `aws_s3_bucket.` -> names of that type, `data.aws_ami.` -> names. */
function referenceCompletion(
  module: TfModule,
  prefix: string,
  typed: string,
  pos: Position,
): CompletionEntry[] {
  const range = wordRange(pos, typed.length);
  const decls = declarations(module);
  const out = new Map<string, CompletionEntry>();
  const parts = prefix.split('.').filter(Boolean);
  for (const d of decls) {
    const addr = d.address.split('.');
    if (addr.length <= parts.length || parts.some((p, i) => addr[i] !== p)) continue;
    const next = addr[parts.length]!;
    if (out.has(next)) continue;
    const complete = addr.length === parts.length + 1;
    out.set(next, {
      label: next,
      kind: d.block.type === 'variable' ? 'variable' : d.block.type === 'module' ? 'module' : 'reference',
      detail: complete ? d.address : `${parts.join('.')}.${next}.*`,
      insertText: next,
      range,
    });
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label));
}
