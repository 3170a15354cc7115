import type { Range } from '../types';
import { locate, nodeRange, type PathSegment, type YamlDoc, type YamlFile } from '../yaml/yamlFile';
import { isRecord } from './schemaRoots';
import { yamlSpotAt } from './yamlPath';

/** A name declared in a top-level section of a Compose file. */
export interface ComposeName {
  section: 'services' | 'networks' | 'volumes' | 'secrets' | 'configs';
  name: string;
}

/** Service-level keys whose entries name a top-level declaration. */
const REFERRING: Record<string, ComposeName['section']> = {
  depends_on: 'services',
  links: 'services',
  networks: 'networks',
  volumes: 'volumes',
  secrets: 'secrets',
  configs: 'configs',
};

/** The declared name the cursor is on: a declaration itself, or a use of it in a service. */
export function composeNameAt(
  file: YamlFile,
  offset: number,
): { target: ComposeName; doc: YamlDoc } | undefined {
  const spot = yamlSpotAt(file, offset);
  if (!spot) return undefined;
  const p = spot.path;
  const section = p[0];
  if (
    p.length === 2 &&
    spot.on === 'key' &&
    typeof section === 'string' &&
    typeof p[1] === 'string' &&
    isSection(section)
  ) {
    return { target: { section, name: p[1] }, doc: spot.doc };
  }
  if (section !== 'services' || p.length < 4) return undefined;
  const key = p[2];
  const referred = typeof key === 'string' ? REFERRING[key] : undefined;
  if (!referred) return undefined;
  const usage = usagesOf(spot.doc.value, referred).find(
    (u) => samePath(u.path, p) || samePath(u.path, p.slice(0, u.path.length)),
  );
  if (!usage) return undefined;
  return { target: { section: referred, name: usage.name }, doc: spot.doc };
}

function isSection(s: string): s is ComposeName['section'] {
  return ['services', 'networks', 'volumes', 'secrets', 'configs'].includes(s);
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

interface Usage {
  name: string;
  /** Path of the node naming it (a list item, a map key, or a long-form `source`). */
  path: PathSegment[];
  at: 'key' | 'value';
  /** For `volumes` short syntax `name:/path`: length of the name part. */
  length?: number;
}

/** Every place the services of a Compose document name a declaration of `section`. */
function usagesOf(value: unknown, section: ComposeName['section']): Usage[] {
  const out: Usage[] = [];
  if (!isRecord(value) || !isRecord(value.services)) return out;
  for (const [svc, def] of Object.entries(value.services)) {
    if (!isRecord(def)) continue;
    for (const [key, target] of Object.entries(REFERRING)) {
      if (target !== section) continue;
      const v = def[key];
      const base: PathSegment[] = ['services', svc, key];
      if (Array.isArray(v)) {
        v.forEach((item, i) => {
          if (typeof item === 'string') {
            if (key === 'volumes') {
              const name = item.split(':')[0]!;
              if (item.includes(':') && !/^[./~$]/.test(name))
                out.push({ name, path: [...base, i], at: 'value', length: name.length });
            } else
              out.push({
                name: key === 'links' ? item.split(':')[0]! : item,
                path: [...base, i],
                at: 'value',
              });
          } else if (isRecord(item) && typeof item.source === 'string') {
            if (key !== 'volumes' || item.type === undefined || item.type === 'volume') {
              out.push({ name: item.source, path: [...base, i, 'source'], at: 'value' });
            }
          }
        });
      } else if (isRecord(v)) {
        for (const name of Object.keys(v)) out.push({ name, path: [...base, name], at: 'key' });
      }
    }
    if (
      section === 'services' &&
      typeof def.extends === 'object' &&
      isRecord(def.extends) &&
      typeof def.extends.service === 'string' &&
      def.extends.file === undefined
    ) {
      out.push({ name: def.extends.service, path: ['services', svc, 'extends', 'service'], at: 'value' });
    }
  }
  return out;
}

/** Where a name is declared (its key under the top-level section). */
export function composeDefinition(file: YamlFile, offset: number): Range | undefined {
  const hit = composeNameAt(file, offset);
  if (!hit) return undefined;
  const loc = locate(hit.doc.doc, [hit.target.section, hit.target.name]);
  return loc.found ? nodeRange(file, hit.doc, loc.key) : undefined;
}

/** Every use of the name at the cursor in the services, and its declaration when asked. */
export function composeReferences(file: YamlFile, offset: number, includeDeclaration: boolean): Range[] {
  const hit = composeNameAt(file, offset);
  if (!hit) return [];
  const out: Range[] = [];
  if (includeDeclaration) {
    const def = composeDefinition(file, offset);
    if (def) out.push(def);
  }
  for (const u of usagesOf(hit.doc.value, hit.target.section)) {
    if (u.name !== hit.target.name) continue;
    const loc = locate(hit.doc.doc, u.path);
    const r = nodeRange(file, hit.doc, u.at === 'key' ? loc.key : loc.value);
    if (!r) continue;
    out.push(
      u.length !== undefined && r.start.line === r.end.line
        ? {
            start: r.start,
            end: { line: r.start.line, character: r.start.character + u.length + (quoted(file, r) ? 1 : 0) },
          }
        : r,
    );
  }
  return out;
}

function quoted(file: YamlFile, r: Range): boolean {
  const c = file.text[file.lines.offsetAt(r.start)];
  return c === '"' || c === "'";
}
