import type { JsonLoader } from '../schema/store';

/** The parts of a JSON Schema (draft-07) that hover and completion read. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  deprecated?: boolean;
}

/** A schema node and the file its local `$ref`s resolve against. */
export interface SchemaAt {
  schema: JsonSchema;
  file: string;
}

/** One property an object schema allows, merged over its variants. */
export interface PropertyInfo {
  name: string;
  schema: SchemaAt;
  required: boolean;
}

const MAX_REF_HOPS = 32;

/**
 * Walks JSON Schemas spread over several files (`file.json#/definitions/X` and `#/definitions/X`
 * references), as generated under schemas/. Pure: files come from the loader.
 */
export class SchemaNav {
  /**
   * Files read so far. The loader reads and parses from disk on every call, and one hover
   * follows dozens of `$ref`s into the same file (core.v1.json is 300 KB): read each once.
   */
  private readonly files = new Map<string, unknown>();

  constructor(
    private readonly load: JsonLoader,
    /** Folder of the schema files relative to the loader root, e.g. `kubernetes/`. */
    private readonly folder: string,
  ) {}

  private file(name: string): unknown {
    if (this.files.has(name)) return this.files.get(name);
    // A CRD schema has no file: its local `#/...` refs must not try to read the folder itself.
    const json = name === '' ? undefined : this.load(this.folder + name);
    this.files.set(name, json);
    return json;
  }

  /** The schema a `file.json#/definitions/X` reference names (as in the Kubernetes index). */
  at(ref: string, from = ''): SchemaAt | undefined {
    const hash = ref.indexOf('#');
    const file = hash === 0 ? from : hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    let node: unknown = this.file(file);
    for (const part of pointer.split('/').filter(Boolean)) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
    return node && typeof node === 'object' ? { schema: node as JsonSchema, file } : undefined;
  }

  /** Follows `$ref`s; a sibling `description` wins over the target's (it is the more specific one). */
  resolve(s: SchemaAt): SchemaAt {
    let cur = s;
    const description = s.schema.description;
    for (let hops = 0; cur.schema.$ref && hops < MAX_REF_HOPS; hops++) {
      const next = this.at(cur.schema.$ref, cur.file);
      if (!next) break;
      cur = next;
    }
    if (description && cur !== s && cur.schema.description !== description) {
      cur = { file: cur.file, schema: { ...cur.schema, description } };
    }
    return cur;
  }

  /** The resolved alternatives of a schema: itself, or the members of its anyOf/oneOf/allOf. */
  variants(s: SchemaAt, depth = 0): SchemaAt[] {
    const r = this.resolve(s);
    const subs = [...(r.schema.anyOf ?? []), ...(r.schema.oneOf ?? []), ...(r.schema.allOf ?? [])];
    if (subs.length === 0 || depth > 8) return [r];
    const out = [r];
    for (const sub of subs) out.push(...this.variants({ schema: sub, file: r.file }, depth + 1));
    return out;
  }

  /** The schema of a map key or sequence item under `s`. */
  child(s: SchemaAt, segment: string | number): SchemaAt | undefined {
    for (const v of this.variants(s)) {
      const sc = v.schema;
      if (typeof segment === 'number') {
        if (sc.items && !Array.isArray(sc.items)) return this.resolve({ schema: sc.items, file: v.file });
        continue;
      }
      const prop = sc.properties?.[segment];
      if (prop) return this.resolve({ schema: prop, file: v.file });
      for (const [pattern, p] of Object.entries(sc.patternProperties ?? {})) {
        if (safeTest(pattern, segment)) return this.resolve({ schema: p, file: v.file });
      }
      if (sc.additionalProperties && typeof sc.additionalProperties === 'object') {
        return this.resolve({ schema: sc.additionalProperties, file: v.file });
      }
    }
    return undefined;
  }

  /** Follows a path of keys and indexes from `root`. */
  path(root: SchemaAt, path: readonly (string | number)[]): SchemaAt | undefined {
    let cur: SchemaAt | undefined = this.resolve(root);
    for (const seg of path) {
      if (!cur) return undefined;
      cur = this.child(cur, seg);
    }
    return cur;
  }

  /** Named properties of an object schema (over its variants), required ones flagged. */
  properties(s: SchemaAt): PropertyInfo[] {
    const out = new Map<string, PropertyInfo>();
    for (const v of this.variants(s)) {
      const required = new Set(v.schema.required ?? []);
      for (const [name, p] of Object.entries(v.schema.properties ?? {})) {
        const prev = out.get(name);
        if (prev) prev.required ||= required.has(name);
        else out.set(name, { name, schema: { schema: p, file: v.file }, required: required.has(name) });
      }
    }
    return [...out.values()];
  }

  /** Allowed values of a scalar schema: its enum/const values over all variants. */
  allowedValues(s: SchemaAt): unknown[] {
    const out: unknown[] = [];
    for (const v of this.variants(s)) {
      if (v.schema.enum) out.push(...v.schema.enum);
      if (v.schema.const !== undefined) out.push(v.schema.const);
    }
    return [...new Set(out)];
  }

  /** `string`, `object`, `array of object`, ... for hover. */
  typeLabel(s: SchemaAt): string {
    const types = new Set<string>();
    for (const v of this.variants(s)) {
      const t = v.schema.type;
      if (Array.isArray(t)) t.forEach((x) => types.add(x));
      else if (t === 'array' && v.schema.items && !Array.isArray(v.schema.items)) {
        const item = this.typeLabel({ schema: v.schema.items, file: v.file });
        types.add(`array of ${item}`);
      } else if (t) types.add(t);
      else if (v.schema.properties) types.add('object');
    }
    return [...types].join(' | ');
  }

  /** What kind of YAML value a key takes, for the text completion inserts after `key:`. */
  shape(s: SchemaAt): 'object' | 'array' | 'scalar' {
    let object = false;
    let array = false;
    for (const v of this.variants(s)) {
      const t = [v.schema.type ?? []].flat();
      if (t.includes('array')) array = true;
      if (t.includes('object') || v.schema.properties) object = true;
      if (t.some((x) => x !== 'array' && x !== 'object')) return 'scalar';
    }
    return object && !array ? 'object' : array && !object ? 'array' : 'scalar';
  }
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}
