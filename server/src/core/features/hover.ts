import { findRuleMeta } from '../rules/registry';
import type { SchemaStore } from '../schema/store';
import type { TerraformProviderSchemas } from '../terraform/check';
import type { TfModule } from '../terraform/model';
import type { Finding, Position, Range } from '../types';
import type { YamlFile } from '../yaml/yamlFile';
import type { CrdSource } from './crd';
import { composeNav, composeRoot, kubernetesNav, kubernetesRoot, objectAndPath } from './schemaRoots';
import type { SchemaAt, SchemaNav } from './schemaNav';
import { BLOCK_DOCS, META_ARGUMENT_DOCS, type TfDoc } from './terraformDocs';
import { contains, findDeclaration, referencedAddress, tfSpotAt } from './terraformNav';
import { providerBlockSchema, type ProviderAttribute } from './providerSchema';
import { yamlSpotAt } from './yamlPath';

export interface HoverInfo {
  markdown: string;
  range?: Range;
}

/** Schema docs of the Kubernetes key (or value) at `offset`: description, type, allowed values. */
export function kubernetesHover(
  file: YamlFile,
  offset: number,
  store: SchemaStore,
  crds?: CrdSource,
): HoverInfo | undefined {
  const spot = yamlSpotAt(file, offset);
  if (!spot || spot.path.length === 0) return undefined;
  const { obj, path } = objectAndPath(spot.doc.value, spot.path);
  const root = kubernetesRoot(store, crds, obj);
  if (!root) return undefined;
  const nav = kubernetesNav(store);
  // On the value of `kind` or `apiVersion`: what the kind is.
  if (spot.on === 'value' && path.length === 1 && (path[0] === 'kind' || path[0] === 'apiVersion')) {
    const r = nav.resolve(root);
    const o = obj as { apiVersion?: unknown; kind?: unknown };
    return {
      markdown: `**${String(o.kind)}** · \`${String(o.apiVersion)}\`\n\n${r.schema.description ?? ''}`.trim(),
      range: spotRange(file, spot),
    };
  }
  const at = nav.path(root, path);
  if (!at) return undefined;
  return { markdown: schemaMarkdown(nav, at, String(lastKey(path))), range: spotRange(file, spot) };
}

/** compose-spec docs of the key (or value) at `offset`. */
export function composeHover(file: YamlFile, offset: number, store: SchemaStore): HoverInfo | undefined {
  const spot = yamlSpotAt(file, offset);
  const root = composeRoot(store);
  if (!spot || !root || spot.path.length === 0) return undefined;
  const nav = composeNav(store);
  const at = nav.path(root, spot.path);
  if (!at) return undefined;
  return { markdown: schemaMarkdown(nav, at, String(lastKey(spot.path))), range: spotRange(file, spot) };
}

function lastKey(path: readonly (string | number)[]): string | number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i]!;
  return path.at(-1) ?? '';
}

function spotRange(file: YamlFile, spot: { start: number; end: number }): Range {
  return file.lines.range(spot.start, spot.end);
}

export function schemaMarkdown(nav: SchemaNav, at: SchemaAt, name: string): string {
  const type = nav.typeLabel(at);
  const parts = [`**${name}**${type ? ` · \`${type}\`` : ''}`];
  const description = nav
    .variants(at)
    .map((v) => v.schema.description)
    .find((d) => d);
  if (description) parts.push(description);
  const values = nav.allowedValues(at);
  if (values.length > 0 && values.length <= 40)
    parts.push(`Allowed values: ${values.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (at.schema.deprecated) parts.push('_Deprecated._');
  return parts.join('\n\n');
}

/** Hand-written docs for Terraform blocks and meta-arguments; provider docs where a schema is loaded; what a reference points at. */
export function terraformHover(
  module: TfModule,
  path: string,
  pos: Position,
  providerSchemas?: TerraformProviderSchemas,
): HoverInfo | undefined {
  const file = module.files.find((f) => f.path === path);
  if (!file) return undefined;
  const spot = tfSpotAt(file, pos);
  if (!spot) return undefined;
  switch (spot.kind) {
    case 'blockType': {
      const parent = spot.parents.at(-1);
      const provider = parent ? undefined : resourceTypeDoc(spot.block, providerSchemas);
      const doc = BLOCK_DOCS[spot.block.type];
      if (doc)
        return {
          markdown: docMarkdown(spot.block.type, 'block', doc) + (provider ? `\n\n${provider}` : ''),
          range: spot.range,
        };
      const attr = parent ? providerAttribute(spot.parents, spot.block.type, providerSchemas) : undefined;
      return attr ? { markdown: attributeMarkdown(spot.block.type, attr), range: spot.range } : undefined;
    }
    case 'label': {
      if (spot.index !== 0) return undefined;
      const doc = resourceTypeDoc(spot.block, providerSchemas);
      return doc ? { markdown: doc, range: spot.range } : undefined;
    }
    case 'attribute': {
      const top = spot.parents.length === 0;
      const meta = top ? META_ARGUMENT_DOCS[spot.attr.name] : undefined;
      if (meta && isMetaFor(spot.block.type, spot.attr.name)) {
        return { markdown: docMarkdown(spot.attr.name, 'argument', meta), range: spot.range };
      }
      const attr = providerAttribute([...spot.parents, spot.block], spot.attr.name, providerSchemas);
      return attr ? { markdown: attributeMarkdown(spot.attr.name, attr), range: spot.range } : undefined;
    }
    case 'reference': {
      const address = referencedAddress(spot.ref.name);
      const decl = findDeclaration(module, address);
      if (!decl) return undefined;
      return { markdown: declarationMarkdown(address, decl.block, decl.attr?.expr.text), range: spot.range };
    }
  }
}

const META_BY_BLOCK: Record<string, string[]> = {
  resource: ['count', 'for_each', 'depends_on', 'provider'],
  data: ['count', 'for_each', 'depends_on', 'provider'],
  ephemeral: ['count', 'for_each', 'depends_on', 'provider'],
  module: ['count', 'for_each', 'depends_on', 'providers', 'source', 'version'],
  variable: ['description', 'type', 'default', 'sensitive', 'nullable', 'ephemeral'],
  output: ['description', 'value', 'sensitive', 'depends_on', 'ephemeral'],
  provider: ['alias'],
  terraform: ['required_version'],
};

function isMetaFor(blockType: string, name: string): boolean {
  return META_BY_BLOCK[blockType]?.includes(name) ?? false;
}

function docMarkdown(name: string, what: string, doc: TfDoc): string {
  return `**${name}** (${what})\n\n${doc.text}\n\n[Terraform docs](${doc.url})`;
}

function declarationMarkdown(
  address: string,
  block: { type: string; attributes: { name: string; expr: { text: string } }[] },
  localText?: string,
): string {
  const lines = [`**${address}**`];
  if (localText !== undefined) {
    lines.push('```hcl\n' + truncate(localText) + '\n```');
    return lines.join('\n\n');
  }
  const get = (n: string) => block.attributes.find((a) => a.name === n)?.expr.text;
  const description = get('description');
  if (description) lines.push(unquote(description));
  const facts = ['type', 'default', 'source', 'version']
    .filter((k) => get(k) !== undefined)
    .map((k) => `${k} = ${truncate(get(k)!)}`);
  if (facts.length) lines.push('```hcl\n' + facts.join('\n') + '\n```');
  return lines.join('\n\n');
}

function truncate(s: string): string {
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
}

function unquote(s: string): string {
  return /^"(.*)"$/s.test(s) ? s.slice(1, -1) : s;
}

function resourceTypeDoc(
  block: { type: string; labels: string[] },
  schemas?: TerraformProviderSchemas,
): string | undefined {
  const type = block.labels[0];
  if (!type || !['resource', 'data', 'ephemeral'].includes(block.type)) return undefined;
  const schema = providerBlockSchema(schemas, block.type, type);
  if (!schema) return undefined;
  return `**${type}**${schema.description ? `\n\n${schema.description}` : ''}`;
}

function providerAttribute(
  chain: { type: string; labels: string[] }[],
  name: string,
  schemas?: TerraformProviderSchemas,
): ProviderAttribute | undefined {
  const top = chain[0];
  if (!top || !['resource', 'data', 'ephemeral'].includes(top.type) || !top.labels[0]) return undefined;
  let block = providerBlockSchema(schemas, top.type, top.labels[0]);
  for (const nested of chain.slice(1)) block = block?.block_types?.[nested.type]?.block;
  if (!block) return undefined;
  const attr = block.attributes?.[name];
  if (attr) return attr;
  const nested = block.block_types?.[name];
  return nested
    ? { description: nested.block?.description, type: `block (${nested.nesting_mode ?? 'single'})` }
    : undefined;
}

function attributeMarkdown(name: string, a: ProviderAttribute): string {
  const flags = [
    a.required ? 'required' : a.optional ? 'optional' : a.computed ? 'computed' : undefined,
    a.sensitive ? 'sensitive' : undefined,
    a.deprecated ? 'deprecated' : undefined,
  ].filter(Boolean);
  const type =
    a.type === undefined ? '' : ` · \`${typeof a.type === 'string' ? a.type : JSON.stringify(a.type)}\``;
  return [`**${name}**${type}${flags.length ? ` (${flags.join(', ')})` : ''}`, a.description ?? '']
    .filter(Boolean)
    .join('\n\n');
}

/** The rule behind each finding at `pos`: title, why, how to fix, docs link. */
export function findingHover(
  findings: readonly Finding[],
  pos: Position,
  docsUrl: (id: string) => string,
): HoverInfo | undefined {
  const here = findings.filter((f) => contains(f.range, pos));
  const seen = new Set<string>();
  const parts: string[] = [];
  let range: Range | undefined;
  for (const f of here) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const meta = findRuleMeta(f.ruleId);
    if (!meta) continue;
    range ??= f.range;
    parts.push(
      `**${meta.title}** · \`${meta.id}\`\n\n**Why:** ${meta.why}\n\n**Fix:** ${meta.fix}\n\n[Rule docs](${docsUrl(meta.id)})`,
    );
  }
  return parts.length ? { markdown: parts.join('\n\n---\n\n'), range } : undefined;
}
