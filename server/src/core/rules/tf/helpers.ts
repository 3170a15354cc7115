import type { TfAttribute, TfBlock, TfExpr, TfStep, TfValue } from '../../terraform/model';
import type { Fix, Position, Range } from '../../types';
import { derived, memo, perBlock } from '../engine/tf';
import type { ReportOptions, TfRuleContext } from '../types';

export { derived, eachBlock, memo, perBlock } from '../engine/tf';

/** Resources of one type across the module (findings are filtered to the checked file by the engine). */
export function resources(ctx: TfRuleContext, type: string): TfBlock[] {
  return ctx.blocks('resource', type);
}

export function attr(block: TfBlock, name: string): TfAttribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

export function children(block: TfBlock, type: string): TfBlock[] {
  return block.blocks.filter((b) => b.type === type);
}

/** Follows nested blocks by type, then an attribute: `attrAt(b, 'vpc_config', 'endpoint_public_access')`. */
export function attrAt(block: TfBlock, ...path: string[]): TfAttribute | undefined {
  let cur: TfBlock | undefined = block;
  for (const step of path.slice(0, -1)) cur = cur ? children(cur, step)[0] : undefined;
  return cur ? attr(cur, path[path.length - 1] ?? '') : undefined;
}

/** Static value of an expression, or undefined when unknown. */
export function known(ctx: TfRuleContext, expr: TfExpr | undefined): TfValue | undefined {
  if (!expr) return undefined;
  const v = ctx.evaluate(expr);
  return v.known ? v.value : undefined;
}

/** HCL converts "true"/"false" strings to booleans where a bool is expected. */
export function asBool(v: TfValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function asNumber(v: TfValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** A string or list of strings, as many attributes accept; undefined when not statically known. */
export function asStrings(v: TfValue | undefined): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

/** A resource or block meant to exist only conditionally (`count`/`for_each` with a known empty value) is not judged. */
export function isDisabled(ctx: TfRuleContext, block: TfBlock): boolean {
  const count = attr(block, 'count');
  if (count && asNumber(known(ctx, count.expr)) === 0) return true;
  const forEach = attr(block, 'for_each');
  if (forEach) {
    const v = known(ctx, forEach.expr);
    if (
      Array.isArray(v) ? v.length === 0 : v !== null && typeof v === 'object' && Object.keys(v).length === 0
    )
      return true;
  }
  return false;
}

/** `aws_s3_bucket.logs` for a resource block. */
export function address(block: TfBlock): string {
  return `${block.labels[0] ?? ''}.${block.labels[1] ?? ''}`;
}

/** True when the expression refers to the resource (any of its attributes, any instance). */
export function refersTo(expr: TfExpr | undefined, target: TfBlock): boolean {
  if (!expr) return false;
  const a = address(target);
  return expr.references.some((r) => r.name === a || r.name.startsWith(a + '.'));
}

/**
 * Companion resources of `target` (e.g. the `aws_s3_bucket_versioning` of a bucket): those whose
 * `linkAttr` refers to it, or holds the same static name as the target's `nameAttr`. Inside
 * `eachBlock`, the target's findings are reused while its companions are the same blocks.
 */
export function companions(
  ctx: TfRuleContext,
  target: TfBlock,
  type: string,
  linkAttr = 'bucket',
  nameAttr = 'bucket',
): TfBlock[] {
  return derived(ctx, (c) => findCompanions(c, target, type, linkAttr, nameAttr));
}

function findCompanions(
  ctx: TfRuleContext,
  target: TfBlock,
  type: string,
  linkAttr: string,
  nameAttr: string,
): TfBlock[] {
  const index = companionIndex(ctx, type, linkAttr);
  if (index.all.length === 0) return [];
  const byAddress = index.byAddress.get(address(target));
  const name = known(ctx, attr(target, nameAttr)?.expr);
  const byName = typeof name === 'string' && name !== '' ? index.byName.get(name) : undefined;
  // Both lists are ascending without repeats: merged in module order.
  const hits = byName && byAddress ? mergeAscending(byAddress, byName) : (byAddress ?? byName ?? []);
  return hits.map((i) => index.all[i] as TfBlock);
}

function mergeAscending(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    out.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out;
}

interface CompanionIndex {
  all: TfBlock[];
  /** Positions in `all` by every address their link (or, through `each`, their for_each) may refer to. */
  byAddress: Map<string, number[]>;
  /** Positions in `all` by the static string value of their link. */
  byName: Map<string, number[]>;
}

/** One index per companion type, kept across runs while the companions (and variables) are unchanged. */
function companionIndex(ctx: TfRuleContext, type: string, linkAttr: string): CompanionIndex {
  const key = `${type}\u0000${linkAttr}`;
  return memo(ctx, key, () => {
    const all = resources(ctx, type);
    const index: CompanionIndex = { all, byAddress: new Map(), byName: new Map() };
    const add = (m: Map<string, number[]>, k: string, i: number) => {
      const list = m.get(k);
      if (!list) m.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    all.forEach((c, i) => {
      const { addresses, name } = perBlock(ctx, `link\u0000${key}`, c, (b) => linkOf(ctx, b, linkAttr));
      for (const a of addresses) add(index.byAddress, a, i);
      if (name !== undefined) add(index.byName, name, i);
    });
    return index;
  });
}

/**
 * What a companion's link may point at: every address it (or, through `each`, its for_each)
 * refers to, and its static string value. Remembered per companion block across runs.
 */
function linkOf(ctx: TfRuleContext, c: TfBlock, linkAttr: string): { addresses: string[]; name?: string } {
  const link = attr(c, linkAttr)?.expr;
  if (!link) return { addresses: [] };
  const refs = [...link.references];
  if (usesEach(link)) refs.push(...(attr(c, 'for_each')?.expr?.references ?? []));
  const addresses: string[] = [];
  // `refersTo`: the reference is the address or continues it after a dot.
  for (const r of refs) {
    for (let dot = r.name.indexOf('.'); dot >= 0; dot = r.name.indexOf('.', dot + 1)) {
      addresses.push(r.name.slice(0, dot));
    }
    addresses.push(r.name);
  }
  const v = known(ctx, link);
  return typeof v === 'string' && v !== '' ? { addresses, name: v } : { addresses };
}

function usesEach(expr: TfExpr | undefined): boolean {
  return !!expr?.references.some((r) => r.name.startsWith('each.'));
}

/**
 * True when the companion link of some resource of `type` cannot be resolved to a resource of
 * the module: it could point at `target`, so "no companion" is not proven.
 */
export function hasUnresolvedCompanion(ctx: TfRuleContext, type: string, linkAttr = 'bucket'): boolean {
  // Rules ask once per bucket: answered once per run, and kept while the companions are unchanged.
  const tag = `unresolved\u0000${type}\u0000${linkAttr}`;
  return memo(ctx, tag, () =>
    resources(ctx, type).some((c) => perBlock(ctx, tag, c, () => unresolvedLink(ctx, c, linkAttr))),
  );
}

function unresolvedLink(ctx: TfRuleContext, c: TfBlock, linkAttr: string): boolean {
  const link = attr(c, linkAttr)?.expr;
  if (!link) return false;
  if (known(ctx, link) !== undefined) return false;
  // A reference to a resource of the module is resolved; anything else (var without default,
  // module output, data source) might be our target.
  const forEach = attr(c, 'for_each')?.expr;
  const refs = [...link.references, ...(usesEach(link) ? (forEach?.references ?? []) : [])];
  return !refs.some((r) => /^aws_s3_bucket\.[^.]+/.test(r.name));
}

/**
 * A made-up attribute tagged with its file: the engine reports an attribute only in its own file,
 * and it cannot look a copy up among the module's attributes.
 */
function inFile(a: TfAttribute, file: string): TfAttribute {
  return Object.assign(a, { file });
}

// ---------- dynamic blocks ----------

/** An expression standing for a value computed here (ranges kept for reporting). */
function literalLike(expr: TfExpr, value: TfValue | undefined): TfExpr {
  return value === undefined
    ? { ...expr, kind: 'other', references: [] }
    : { ...expr, kind: 'literal', value, references: [] };
}

function stepInto(v: TfValue | undefined, step: TfStep, ctx: TfRuleContext): TfValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (step.kind === 'attr') {
    return typeof v === 'object' && !Array.isArray(v) ? v[step.name] : undefined;
  }
  if (step.kind !== 'index') return undefined;
  const k = known(ctx, step.expr);
  if (Array.isArray(v)) return typeof k === 'number' ? v[k] : undefined;
  return typeof v === 'object' && typeof k === 'string' ? v[k] : undefined;
}

/** Replaces `<iter>.key` / `<iter>.value...` by the element's values; unresolvable parts become unknown. */
function bindIterator(ctx: TfRuleContext, expr: TfExpr, iter: string, key: TfValue, value: TfValue): TfExpr {
  const mentions = expr.references.some((r) => r.name === iter || r.name.startsWith(iter + '.'));
  if (!mentions) return expr;
  if (expr.kind === 'reference' && expr.text.split(/[.[]/)[0]?.trim() === iter) {
    const [first, ...rest] = expr.steps ?? [];
    if (first?.kind !== 'attr' || (first.name !== 'key' && first.name !== 'value')) {
      return literalLike(expr, undefined);
    }
    let v: TfValue | undefined = first.name === 'key' ? key : value;
    for (const step of rest) v = stepInto(v, step, ctx);
    return literalLike(expr, v);
  }
  if (expr.kind === 'tuple') {
    const items = (expr.items ?? []).map((i) => bindIterator(ctx, i, iter, key, value));
    return { ...expr, items, references: items.flatMap((i) => i.references) };
  }
  if (expr.kind === 'template' && expr.parts) {
    const parts = expr.parts.map((p) => (typeof p === 'string' ? p : bindIterator(ctx, p, iter, key, value)));
    return { ...expr, parts, references: [] };
  }
  return literalLike(expr, undefined);
}

/**
 * Instances of the `dynamic "<name>"` blocks of `block` whose `for_each` is statically known,
 * seen as plain nested blocks: iterator references are replaced by each element's values, so
 * the checks of the static form apply (ranges stay those of the `content` attributes).
 */
export function dynamicInstances(ctx: TfRuleContext, block: TfBlock, name: string): TfBlock[] {
  const out: TfBlock[] = [];
  for (const dyn of block.blocks) {
    if (dyn.type !== 'dynamic' || dyn.labels[0] !== name) continue;
    const content = children(dyn, 'content')[0];
    const coll = known(ctx, attr(dyn, 'for_each')?.expr);
    if (!content || coll === undefined || coll === null || typeof coll !== 'object') continue;
    const iter = attr(dyn, 'iterator')?.expr.text.trim() || name;
    const elements: [TfValue, TfValue][] = Array.isArray(coll)
      ? coll.map((v, i) => [i, v])
      : Object.entries(coll);
    for (const [key, value] of elements) {
      out.push({
        ...content,
        type: name,
        attributes: content.attributes.map((a) =>
          inFile({ ...a, expr: bindIterator(ctx, a.expr, iter, key, value) }, block.file),
        ),
        blocks: [],
      });
    }
  }
  return out;
}

/** A nested block in every spelling: `name { }`, `name = [{ }]` and `dynamic "name"` with a known for_each. */
export function nestedBlocks(ctx: TfRuleContext, block: TfBlock, name: string): TfBlock[] {
  return [...children(block, name), ...objectsOf(block, name), ...dynamicInstances(ctx, block, name)];
}

// ---------- CIDRs ----------

// A bare `0.0.0.0` is the unspecified address, which portals and tools read as "any".
const OPEN_CIDRS = new Set(['*', 'internet', 'any', '0.0.0.0']);

/**
 * Any address with a prefix length of 0 (`0.0.0.0/0`, `::/0`, `0:0:0:0:0:0:0:0/0`, and the
 * shorthands `0/0` and `/0`) matches everything.
 */
const ZERO_PREFIX = /^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[0-9a-f]*:[0-9a-f:]*)?\/0+$/;

/** A source that matches every address: 0.0.0.0/0, ::/0 (in any spelling), and Azure's `*`, `Internet`, `Any`. */
export function isOpenCidr(s: string): boolean {
  const v = s.trim().toLowerCase();
  return OPEN_CIDRS.has(v) || ZERO_PREFIX.test(v);
}

// ---------- fixes ----------

/** Range just after a block's closing brace. */
export function afterBlock(block: TfBlock): Range {
  return { start: block.range.end, end: block.range.end };
}

/** A fix inserting a new top-level block right after `block`, separated by a blank line. */
export function insertAfterBlockFix(block: TfBlock, title: string, lines: string[]): Fix {
  return { title, edits: [{ range: afterBlock(block), newText: '\n\n' + lines.join('\n') }] };
}

/** Position at the end of an attribute's line, for inserting a sibling line below it. */
export function endOf(a: TfAttribute): Position {
  return a.range.end;
}

// ---------- references ----------

export const TF_AWS = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources';
export const TF_AZURE = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources';
export const TF_GOOGLE = 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources';
export const CIS_AWS = {
  title: 'CIS Amazon Web Services Foundations Benchmark',
  url: 'https://www.cisecurity.org/benchmark/amazon_web_services',
};
export const CIS_AZURE = {
  title: 'CIS Microsoft Azure Foundations Benchmark',
  url: 'https://www.cisecurity.org/benchmark/azure',
};
export const CIS_GCP = {
  title: 'CIS Google Cloud Platform Foundation Benchmark',
  url: 'https://www.cisecurity.org/benchmark/google_cloud_computing_platform',
};

/** A reference to a resource page of the Terraform registry. */
export function awsDoc(resource: string): { title: string; url: string } {
  return { title: `Terraform AWS provider: ${resource}`, url: `${TF_AWS}/${resource.replace(/^aws_/, '')}` };
}
export function azureDoc(resource: string): { title: string; url: string } {
  return {
    title: `Terraform AzureRM provider: ${resource}`,
    url: `${TF_AZURE}/${resource.replace(/^azurerm_/, '')}`,
  };
}
export function googleDoc(resource: string): { title: string; url: string } {
  return {
    title: `Terraform Google provider: ${resource}`,
    url: `${TF_GOOGLE}/${resource.replace(/^google_/, '')}`,
  };
}

/**
 * Whether a fix may add a companion resource `type` named like `block`: the block must be a
 * single instance (no count/for_each, so `type.name.id` is valid) and the name must be free.
 */
export function canAddCompanion(ctx: TfRuleContext, block: TfBlock, type: string): boolean {
  if (attr(block, 'count') || attr(block, 'for_each')) return false;
  const [taken] = derived(ctx, (c) => [namesOf(c, type).has(block.labels[1])] as const);
  return !taken;
}

/** Names (second labels) of the resources of a type, once per rule run (and kept while they are). */
function namesOf(ctx: TfRuleContext, type: string): Set<string | undefined> {
  return memo(ctx, `names\u0000${type}`, () => new Set(resources(ctx, type).map((r) => r.labels[1])));
}

// ---------- network ingress (AWS security groups, Azure NSGs, GCP firewalls) ----------

/** One inbound allow rule, normalised across providers. */
export interface Ingress {
  /** Inclusive port ranges it opens; 'all' for every port. */
  ports: [number, number][] | 'all';
  /** Protocol as the provider spells it, lower-cased; '' when unknown. */
  protocol: string;
  /** The attribute holding the open source (0.0.0.0/0, ::/0, *, Internet). */
  source: TfAttribute;
}

const ANY_PROTOCOL = new Set(['-1', 'all', '*']);

function portRange(
  ctx: TfRuleContext,
  from: TfAttribute | undefined,
  to: TfAttribute | undefined,
): [number, number] | undefined {
  const f = asNumber(known(ctx, from?.expr));
  const t = asNumber(known(ctx, to?.expr));
  if (f === undefined || t === undefined) return undefined;
  return [f, t];
}

/** The first attribute among `names` whose known value holds an open CIDR. */
function openSource(ctx: TfRuleContext, block: TfBlock, names: string[]): TfAttribute | undefined {
  for (const n of names) {
    const a = attr(block, n);
    const v = asStrings(known(ctx, a?.expr));
    if (a && v?.some(isOpenCidr)) return a;
  }
  return undefined;
}

function awsIngress(
  ctx: TfRuleContext,
  b: TfBlock,
  protoAttr: string,
  sources: string[],
): Ingress | undefined {
  const source = openSource(ctx, b, sources);
  if (!source) return undefined;
  const protocol = String(known(ctx, attr(b, protoAttr)?.expr) ?? '').toLowerCase();
  if (ANY_PROTOCOL.has(protocol)) return { ports: 'all', protocol, source };
  const range = portRange(ctx, attr(b, 'from_port'), attr(b, 'to_port'));
  if (!range || protocol === '') return undefined;
  return { ports: [range], protocol, source };
}

/** Port specs as strings: providers accept `22` as well as `"22"`. */
function portSpecs(v: TfValue | undefined): string[] | undefined {
  const list = Array.isArray(v) ? v : [v];
  if (v === undefined || !list.every((x) => typeof x === 'string' || typeof x === 'number')) return undefined;
  return list.map(String);
}

/** Azure port specs: "22", "1000-2000", "*", and comma-separated lists of them ("21-23, 80"). */
function azurePorts(specs: string[]): [number, number][] | 'all' | undefined {
  const out: [number, number][] = [];
  for (const s of specs.flatMap((x) => x.split(','))) {
    const t = s.trim();
    if (t === '*' || t === '0-65535') return 'all';
    const m = /^(\d+)(?:-(\d+))?$/.exec(t);
    if (!m) return undefined;
    out.push([Number(m[1]), Number(m[2] ?? m[1])]);
  }
  return out;
}

/** The known value of `name`, or `absent` when the block does not set it at all. */
function valueOr(ctx: TfRuleContext, b: TfBlock, name: string, absent: string): TfValue | undefined {
  const a = attr(b, name);
  return a ? known(ctx, a.expr) : absent;
}

function azureIngress(ctx: TfRuleContext, b: TfBlock): Ingress | undefined {
  // direction, access and protocol are required; a rule leaving one out is read as the widest
  // value, while one set from an unknown expression is skipped.
  const dir = valueOr(ctx, b, 'direction', 'inbound');
  const access = valueOr(ctx, b, 'access', 'allow');
  if (typeof dir !== 'string' || dir.toLowerCase() !== 'inbound') return undefined;
  if (typeof access !== 'string' || access.toLowerCase() !== 'allow') return undefined;
  const source = openSource(ctx, b, ['source_address_prefix', 'source_address_prefixes']);
  if (!source) return undefined;
  const protocol = String(valueOr(ctx, b, 'protocol', '*') ?? '').toLowerCase();
  const specs =
    portSpecs(known(ctx, attr(b, 'destination_port_range')?.expr)) ??
    portSpecs(known(ctx, attr(b, 'destination_port_ranges')?.expr));
  const ports = specs && azurePorts(specs);
  if (!ports || protocol === '') return undefined;
  return { ports: ANY_PROTOCOL.has(protocol) && ports === 'all' ? 'all' : ports, protocol, source };
}

function gcpIngress(ctx: TfRuleContext, b: TfBlock): Ingress[] {
  const dir = known(ctx, attr(b, 'direction')?.expr);
  if (dir !== undefined && String(dir).toUpperCase() !== 'INGRESS') return [];
  if (attr(b, 'direction') && dir === undefined) return [];
  if (asBool(known(ctx, attr(b, 'disabled')?.expr)) === true) return [];
  // An ingress rule naming no source at all applies to 0.0.0.0/0; it is then reported at the
  // ports (or protocol) of each allow block.
  const unsourced = !['source_ranges', 'source_tags', 'source_service_accounts'].some((n) => attr(b, n));
  const source = unsourced ? undefined : openSource(ctx, b, ['source_ranges']);
  if (!source && !unsourced) return [];
  const out: Ingress[] = [];
  for (const allow of nestedBlocks(ctx, b, 'allow')) {
    const protocolAttr = attr(allow, 'protocol');
    const protocol = String(known(ctx, protocolAttr?.expr) ?? '').toLowerCase();
    if (protocol === '' || !protocolAttr) continue;
    const portsAttr = attr(allow, 'ports');
    const at = source ?? portsAttr ?? protocolAttr;
    if (protocol === 'all' || !portsAttr) {
      out.push({ ports: 'all', protocol, source: at });
      continue;
    }
    const specs = portSpecs(known(ctx, portsAttr.expr));
    const ports = specs && azurePorts(specs);
    if (ports) out.push({ ports, protocol, source: at });
  }
  return out;
}

/**
 * Nested blocks written in attribute syntax (`ingress = [{ ... }]`), seen as blocks so the same
 * checks apply to both forms.
 */
export function objectsOf(block: TfBlock, name: string): TfBlock[] {
  const a = attr(block, name);
  if (a?.expr.kind !== 'tuple') return [];
  return (a.expr.items ?? [])
    .filter((item) => item.kind === 'object')
    .map((item) => ({
      type: name,
      labels: [],
      labelRanges: [],
      range: item.range,
      typeRange: item.range,
      headerRange: item.range,
      attributes: (item.entries ?? []).map((e) =>
        inFile(
          {
            name: e.key,
            nameRange: e.keyRange,
            range: { start: e.keyRange.start, end: e.value.range.end },
            expr: e.value,
          },
          block.file,
        ),
      ),
      blocks: [],
      file: block.file,
    }));
}

const NACL_SOURCES = ['cidr_block', 'ipv6_cidr_block'];

/** True when a network ACL entry's action is a known "allow". */
function allows(ctx: TfRuleContext, b: TfBlock, actionAttr: string): boolean {
  const v = known(ctx, attr(b, actionAttr)?.expr);
  return typeof v === 'string' && v.toLowerCase() === 'allow';
}

/** Every statically known inbound rule of the module that admits the whole internet. */
export function openIngress(ctx: TfRuleContext): Ingress[] {
  const out: Ingress[] = [];
  const push = (i: Ingress | undefined) => i && out.push(i);
  const live = (type: string) => resources(ctx, type).filter((r) => !isDisabled(ctx, r));
  for (const sg of [...live('aws_security_group'), ...live('aws_default_security_group')]) {
    for (const ing of nestedBlocks(ctx, sg, 'ingress'))
      push(awsIngress(ctx, ing, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']));
  }
  for (const r of live('aws_security_group_rule')) {
    if (known(ctx, attr(r, 'type')?.expr) !== 'ingress') continue;
    push(awsIngress(ctx, r, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']));
  }
  for (const r of live('aws_vpc_security_group_ingress_rule')) {
    push(awsIngress(ctx, r, 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6']));
  }
  // Network ACLs filter the same traffic one layer out; only explicit allows count.
  for (const acl of [...live('aws_network_acl'), ...live('aws_default_network_acl')]) {
    for (const ing of nestedBlocks(ctx, acl, 'ingress')) {
      if (allows(ctx, ing, 'action')) push(awsIngress(ctx, ing, 'protocol', NACL_SOURCES));
    }
  }
  for (const r of live('aws_network_acl_rule')) {
    if (asBool(known(ctx, attr(r, 'egress')?.expr)) !== false && attr(r, 'egress')) continue;
    if (allows(ctx, r, 'rule_action')) push(awsIngress(ctx, r, 'protocol', NACL_SOURCES));
  }
  for (const r of live('azurerm_network_security_rule')) push(azureIngress(ctx, r));
  for (const nsg of live('azurerm_network_security_group')) {
    for (const r of nestedBlocks(ctx, nsg, 'security_rule')) push(azureIngress(ctx, r));
  }
  for (const fw of live('google_compute_firewall')) out.push(...gcpIngress(ctx, fw));
  return out;
}

/**
 * Reports each open source attribute matching `pred` once: the elements of a dynamic block share
 * their attributes' ranges.
 */
export function reportOpenIngress(ctx: TfRuleContext, pred: (i: Ingress) => boolean, message: string): void {
  const seen = new Set<unknown>();
  for (const i of openIngress(ctx)) {
    const { start } = i.source.range;
    const file = (i.source as { file?: string }).file;
    const key = file === undefined ? i.source : `${file}:${start.line}:${start.character}`;
    if (!pred(i) || seen.has(key)) continue;
    seen.add(key);
    ctx.report(i.source, { message });
  }
}

const TCP = new Set(['tcp', '6', '-1', 'all', '*']);

/** True when the rule opens `port` over TCP. */
export function opensTcpPort(i: Ingress, port: number): boolean {
  if (!TCP.has(i.protocol)) return false;
  return i.ports === 'all' || i.ports.some(([f, t]) => f <= port && port <= t);
}

/** True when the rule opens every port (all protocols, or the whole 0-65535 range). */
export function opensAllPorts(i: Ingress): boolean {
  return i.ports === 'all' || i.ports.some(([f, t]) => f <= 1 && t >= 65535);
}

/** Reports a range inside `block` (in the block's file: ranges carry none). */
export function reportIn(ctx: TfRuleContext, block: TfBlock, range: Range, options?: ReportOptions): void {
  ctx.report({ range, file: block.file }, options);
}
