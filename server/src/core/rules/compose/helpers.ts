import { isMap, isScalar, type Node } from 'yaml';
import type { Fix, Position, Range } from '../../types';
import { locate, nodeRange, type PathSegment } from '../../yaml/yamlFile';
import type { ComposeRuleContext } from '../types';

export type Dict = Record<string, unknown>;

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface Service {
  name: string;
  value: Dict;
  /** Path of the service in the document: ['services', name]. */
  path: PathSegment[];
}

/** Every service declared as a mapping. */
export function services(ctx: ComposeRuleContext): Service[] {
  const all = ctx.value['services'];
  if (!isDict(all)) return [];
  const out: Service[] = [];
  for (const [name, value] of Object.entries(all)) {
    if (isDict(value)) out.push({ name, value, path: ['services', name] });
  }
  return out;
}

/**
 * Services a "missing setting" rule may judge. A service using `extends` inherits settings from
 * a service this file may not show, so its missing settings prove nothing.
 */
export function selfContainedServices(ctx: ComposeRuleContext): Service[] {
  return services(ctx).filter((s) => s.value['extends'] === undefined);
}

/** True when a string holds a Compose interpolation (`$VAR`, `${VAR}`, `${VAR:-d}`); `$$` is a literal `$`. */
export function hasInterpolation(s: string): boolean {
  return /\$(?:\{|[A-Za-z_])/.test(s.replace(/\$\$/g, ''));
}

/** Reads `a.b.c` inside a value, undefined where any step is missing. */
export function dig(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (!isDict(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** YAML truthiness as Compose reads it: `true`, and the strings Compose accepts for true. */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && /^(?:true|yes|on|1)$/i.test(v.trim()));
}

/** Entries of a list-valued option as strings with their index (non-strings skipped). */
export function stringItems(v: unknown): { index: number; value: string }[] {
  if (!Array.isArray(v)) return [];
  const out: { index: number; value: string }[] = [];
  v.forEach((item, index) => {
    if (typeof item === 'string') out.push({ index, value: item });
  });
  return out;
}

/** `security_opt` entries normalised to `name=value` (Compose accepts both `:` and `=`). */
export function securityOpts(svc: Service): { index: number; name: string; value: string }[] {
  return stringItems(svc.value['security_opt']).map(({ index, value }) => {
    const m = /^([^:=]+)(?:[:=](.*))?$/.exec(value.trim());
    return { index, name: (m?.[1] ?? value).trim().toLowerCase(), value: (m?.[2] ?? '').trim() };
  });
}

// ---------- volumes ----------

export interface Mount {
  /** Host side of a bind mount, as written. */
  source: string;
  target: string;
  readOnly: boolean;
  /** Path of the volume entry (the list item). */
  path: PathSegment[];
  /** Path to report: the item for short syntax, its `source` for long syntax. */
  reportPath: PathSegment[];
}

/**
 * Bind mounts of a service: short syntax `SRC:DST[:MODE]` where SRC is a host path, and long
 * syntax with `type: bind`. Named volumes are not host paths and are left out.
 */
export function bindMounts(svc: Service): Mount[] {
  const list = svc.value['volumes'];
  if (!Array.isArray(list)) return [];
  const out: Mount[] = [];
  list.forEach((item, i) => {
    const path = [...svc.path, 'volumes', i];
    if (typeof item === 'string') {
      const parts = splitVolume(item);
      if (!parts || !isHostPath(parts.source)) return;
      out.push({ ...parts, path, reportPath: path });
    } else if (isDict(item) && item['type'] === 'bind' && typeof item['source'] === 'string') {
      const readOnly = isTrue(item['read_only']);
      const target = typeof item['target'] === 'string' ? item['target'] : '';
      out.push({ source: item['source'], target, readOnly, path, reportPath: [...path, 'source'] });
    }
  });
  return out;
}

function splitVolume(spec: string): { source: string; target: string; readOnly: boolean } | undefined {
  // Windows drive letters (`C:\x:/y`) contain a colon; keep them whole.
  const m = /^((?:[A-Za-z]:)?[^:]*):([^:]+)(?::([^:]*))?$/.exec(spec.trim());
  if (!m) return undefined;
  const modes = (m[3] ?? '').split(',');
  return { source: m[1] ?? '', target: m[2] ?? '', readOnly: modes.includes('ro') };
}

function isHostPath(source: string): boolean {
  // `${HOME}/x` and `$PWD/x` are host folders too; other variables may name a volume.
  return /^(?:\/|\.|~|[A-Za-z]:[\\/]|\\\\|\$\{?(?:HOME|PWD)\b)/.test(source);
}

/** A host path with `.`/`..` steps, doubled and trailing slashes resolved; undefined if not absolute. */
export function normalizeHostPath(p: string): string | undefined {
  if (!p.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

// ---------- edits ----------

function eol(ctx: ComposeRuleContext): string {
  return ctx.file.text.includes('\r\n') ? '\r\n' : '\n';
}

function node(ctx: ComposeRuleContext, path: PathSegment[]): { key?: Node; value?: Node } | undefined {
  const loc = locate(ctx.doc.doc, path);
  return loc.found ? { key: loc.key, value: loc.value } : undefined;
}

function rangeOf(ctx: ComposeRuleContext, n: Node | undefined): Range | undefined {
  return nodeRange(ctx.file, ctx.doc, n);
}

/**
 * A fix appending `lines` (YAML, nested levels indented by two spaces, re-indented to the file's
 * step) as new entries at the end of the block mapping at `mapPath`, at the indentation its
 * entries use. Undefined when the mapping is written in flow style or its layout cannot be read.
 */
export function appendToMapFix(
  ctx: ComposeRuleContext,
  mapPath: PathSegment[],
  title: string,
  lines: string[],
): Fix | undefined {
  const found = node(ctx, mapPath);
  const map = found?.value;
  if (!isMap(map) || map.flow || map.items.length === 0) return undefined;
  const first = rangeOf(ctx, map.items[0]?.key as Node | undefined);
  const lastPair = map.items[map.items.length - 1];
  const last = rangeOf(ctx, (lastPair?.value ?? lastPair?.key) as Node | undefined);
  if (!first || !last) return undefined;
  const lineIndex = ctx.file.lines;
  // Entries must start their line, after nothing but indentation or a sequence dash.
  if (!/^[ ]*(?:-[ ]+)?$/.test(lineIndex.lineText(first.start.line).slice(0, first.start.character)))
    return undefined;
  const keyRange = rangeOf(ctx, found?.key);
  const step =
    keyRange && keyRange.start.line < first.start.line ? first.start.character - keyRange.start.character : 2;
  const indent = ' '.repeat(first.start.character);
  const reindent = (l: string) =>
    l.replace(/^(?: {2})+/, (m) => ' '.repeat((m.length / 2) * Math.max(1, step)));
  const nl = eol(ctx);
  const text = lines.map((l) => indent + reindent(l) + nl).join('');
  if (last.end.character === 0 && last.end.line > last.start.line) {
    // Block scalars end at the start of the following line.
    return { title, edits: [{ range: { start: last.end, end: last.end }, newText: text }] };
  }
  const rest = lineIndex.lineText(last.end.line).slice(last.end.character).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  if (last.end.line + 1 >= lineIndex.lineCount) {
    const end = lineIndex.positionAt(lineIndex.lineEnd(last.end.line));
    return { title, edits: [{ range: { start: end, end }, newText: nl + text.slice(0, -nl.length) }] };
  }
  const at: Position = { line: last.end.line + 1, character: 0 };
  return { title, edits: [{ range: { start: at, end: at }, newText: text }] };
}

/** Offset range of the content of a scalar (inside its quotes, if any). */
export function scalarContentStart(ctx: ComposeRuleContext, path: PathSegment[]): Position | undefined {
  const found = node(ctx, path);
  if (!isScalar(found?.value)) return undefined;
  const r = rangeOf(ctx, found.value);
  if (!r) return undefined;
  const t = found.value.type;
  if (t === 'BLOCK_FOLDED' || t === 'BLOCK_LITERAL') return undefined;
  const quoted = t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE';
  return { line: r.start.line, character: r.start.character + (quoted ? 1 : 0) };
}

// ---------- images ----------

export interface ImageRef {
  /** Tag as written, '' when absent. */
  tag: string;
  digest: boolean;
}

/** Tag and digest of an image reference; undefined when interpolation hides them. */
export function parseImage(image: string): ImageRef | undefined {
  const s = image.trim();
  if (s === '') return undefined;
  const at = s.indexOf('@');
  const name = at >= 0 ? s.slice(0, at) : s;
  const last = name.slice(name.lastIndexOf('/') + 1);
  if (hasInterpolation(last) || (at >= 0 && hasInterpolation(s.slice(at)))) return undefined;
  const colon = last.indexOf(':');
  return { tag: colon >= 0 ? last.slice(colon + 1) : '', digest: at >= 0 };
}

// ---------- references ----------

export const COMPOSE_SERVICES = 'https://docs.docker.com/reference/compose-file/services/';
export const CIS_DOCKER = {
  title: 'CIS Docker Benchmark',
  url: 'https://www.cisecurity.org/benchmark/docker',
};
export const DOCKER_TAGGING = {
  title: 'Docker: image tagging best practices',
  url: 'https://docs.docker.com/build/building/best-practices/#tagging',
};
export const OWASP_DOCKER = {
  title: 'OWASP Docker Security Cheat Sheet',
  url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html',
};

/** A reference to one attribute of the Compose services reference. */
export function composeRef(attribute: string): { title: string; url: string } {
  return { title: `Compose file reference: ${attribute}`, url: `${COMPOSE_SERVICES}#${attribute}` };
}

// ---------- sockets and capabilities ----------

const SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);

/** The Docker (or Podman) API socket, or the Windows named pipe of the engine. */
export function isDockerSocket(source: string): boolean {
  const p = normalizeHostPath(source.replace(/^\/\/+/, '/'));
  if (p)
    return SOCKETS.has(p) || /^\/(?:var\/)?run\/(?:user\/\d+\/)?(?:docker|podman\/podman)\.sock$/.test(p);
  return /^\\\\\.\\pipe\\docker_engine$/i.test(source) || /^\/\/\.\/pipe\/docker_engine$/i.test(source);
}

export function capName(s: string): string {
  return s.trim().toUpperCase().replace(/^CAP_/, '');
}
