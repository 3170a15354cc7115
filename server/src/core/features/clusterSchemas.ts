import { customResourceSchema, type CrdVersion } from './crd';

/**
 * The OpenAPI v3 documents a cluster serves (`kubectl get --raw /openapi/v3/<path>`), keyed by
 * their index path (`apis/stable.example.com/v1`). Only what the conversion reads is typed.
 */
export type OpenApiDocuments = Record<string, unknown>;

interface KindEntry {
  doc: Record<string, unknown>;
  component: string;
}

const MAX_INLINE_DEPTH = 24;

/**
 * Schemas of the kinds a cluster serves, for custom resources: every component schema tagged
 * with `x-kubernetes-group-version-kind` becomes, on first request, the same draft-07 dialect as
 * a workspace CRD (crd.ts), its `$ref`s into the document's components inlined (recursion cut
 * at a repeat with an open schema). Pure: the documents come from the caller.
 */
export class ClusterSchemas {
  private readonly kinds = new Map<string, KindEntry>();
  private readonly converted = new Map<string, CrdVersion | null>();

  constructor(
    documents: OpenApiDocuments,
    /** Where the documents came from (the kube context), shown as the schema's source. */
    readonly source: string,
  ) {
    for (const doc of Object.values(documents)) {
      const schemas = componentSchemas(doc);
      if (!schemas) continue;
      for (const [name, s] of Object.entries(schemas)) {
        for (const gvk of groupVersionKinds(s)) {
          const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
          const key = `${apiVersion}\0${gvk.kind}`;
          if (!this.kinds.has(key))
            this.kinds.set(key, { doc: doc as Record<string, unknown>, component: name });
        }
      }
    }
  }

  /** Number of kinds known. */
  get size(): number {
    return this.kinds.size;
  }

  /** The schema of a kind the cluster serves, converted once; undefined when it serves none. */
  schema(apiVersion: string, kind: string): CrdVersion | undefined {
    const key = `${apiVersion}\0${kind}`;
    const hit = this.converted.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const entry = this.kinds.get(key);
    let out: CrdVersion | null = null;
    const schemas = entry && componentSchemas(entry.doc);
    const raw = schemas?.[entry!.component];
    if (isRecord(raw)) {
      const inlined = inline(raw, schemas!, [entry!.component], 0);
      out = {
        apiVersion,
        kind,
        schema: customResourceSchema(inlined, apiVersion, kind),
        source: this.source,
      };
    }
    this.converted.set(key, out);
    return out ?? undefined;
  }
}

function componentSchemas(doc: unknown): Record<string, unknown> | undefined {
  if (!isRecord(doc) || !isRecord(doc.components)) return undefined;
  const s = doc.components.schemas;
  return isRecord(s) ? s : undefined;
}

function groupVersionKinds(s: unknown): { group: string; version: string; kind: string }[] {
  if (!isRecord(s)) return [];
  const raw = s['x-kubernetes-group-version-kind'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(
    (g): g is { group: string; version: string; kind: string } =>
      isRecord(g) &&
      typeof g.group === 'string' &&
      typeof g.version === 'string' &&
      typeof g.kind === 'string',
  );
}

const REF_PREFIX = '#/components/schemas/';

/**
 * A copy of `node` with `#/components/schemas/X` references replaced by X itself. The API server
 * writes a described reference as `allOf: [{$ref}]` with siblings; a lone `allOf` of one member
 * is folded into its parent so the converted schema keeps `properties` where hover reads them.
 */
function inline(
  node: Record<string, unknown>,
  schemas: Record<string, unknown>,
  stack: string[],
  depth: number,
): Record<string, unknown> {
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
    const target = name === undefined ? undefined : schemas[name];
    const { $ref: _ref, ...siblings } = node;
    void _ref;
    // Unknown, recursive or too deep: accept anything there rather than guess.
    if (!name || !isRecord(target) || stack.includes(name) || depth > MAX_INLINE_DEPTH) return siblings;
    return { ...inline(target, schemas, [...stack, name], depth + 1), ...siblings };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && isRecord(v)) {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([p, s]) => [p, isRecord(s) ? inline(s, schemas, stack, depth + 1) : s]),
      );
    } else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && isRecord(v)) {
      out[k] = inline(v, schemas, stack, depth + 1);
    } else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k] = v.map((x) => (isRecord(x) ? inline(x, schemas, stack, depth + 1) : x));
    } else out[k] = v;
  }
  const all = out.allOf;
  if (Array.isArray(all) && all.length === 1 && isRecord(all[0])) {
    const { allOf: _all, ...rest } = out;
    void _all;
    return { ...all[0], ...rest };
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
