import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schema/ajv';
import type { Precompiled } from '../schema/precompiled';
import type { JsonLoader, SchemaStore } from '../schema/store';

/** `schemas/kubernetes/index.json`, written by scripts/generate-schemas.mjs. */
interface IndexJson {
  kubernetesVersion: string;
  files: string[];
  apiVersions: Record<string, { kinds: Record<string, string> }>;
}

/**
 * API groups that were built into Kubernetes but serve nothing any more: a resource in them is a
 * removed built-in API (e.g. `extensions/v1beta1` Ingress), not a custom resource.
 */
const REMOVED_GROUPS = ['extensions'];

/**
 * The built-in Kubernetes kinds and their schemas. Validators are compiled per kind on first use
 * and cached; the schema files are added to ajv together the first time any kind is compiled,
 * since kinds reference definitions across files (apps/v1 -> core/v1 -> meta/v1).
 */
export class KubernetesSchemas {
  private ajv: Ajv | undefined;
  private readonly validators = new Map<string, ValidateFunction | null>();
  private readonly kindVersions = new Map<string, string[]>();
  private readonly groups = new Set<string>(REMOVED_GROUPS);

  private constructor(
    private readonly index: IndexJson,
    private readonly load: JsonLoader,
    private readonly precompiled: Precompiled | undefined,
  ) {
    for (const [apiVersion, { kinds }] of Object.entries(index.apiVersions)) {
      this.groups.add(groupOf(apiVersion));
      for (const kind of Object.keys(kinds)) {
        const list = this.kindVersions.get(kind) ?? [];
        list.push(apiVersion);
        this.kindVersions.set(kind, list);
      }
    }
  }

  static load(load: JsonLoader, store?: SchemaStore): KubernetesSchemas | undefined {
    const index = load('kubernetes/index.json') as IndexJson | undefined;
    if (!index || typeof index !== 'object' || !index.apiVersions) return undefined;
    return new KubernetesSchemas(index, load, store?.precompiled('kubernetes'));
  }

  get kubernetesVersion(): string {
    return this.index.kubernetesVersion;
  }

  /** `file.json#/definitions/Kind` for a built-in apiVersion + kind pair. */
  ref(apiVersion: string, kind: string): string | undefined {
    const kinds = this.index.apiVersions[apiVersion]?.kinds;
    return kinds && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
  }

  hasApiVersion(apiVersion: string): boolean {
    return Object.hasOwn(this.index.apiVersions, apiVersion);
  }

  /** Whether `group` ('' for the core group) is a built-in API group. */
  isBuiltInGroup(group: string): boolean {
    return this.groups.has(group);
  }

  kindsOf(apiVersion: string): string[] {
    return Object.keys(this.index.apiVersions[apiVersion]?.kinds ?? {});
  }

  apiVersionsOf(kind: string): string[] {
    return this.kindVersions.get(kind) ?? [];
  }

  apiVersionsOfGroup(group: string): string[] {
    return Object.keys(this.index.apiVersions).filter((v) => groupOf(v) === group);
  }

  allKinds(): string[] {
    return [...this.kindVersions.keys()];
  }

  /**
   * The compiled validator of a kind's definition (the build's precompiled one for the common
   * kinds: no ajv instance, no schema files read); undefined if it cannot be compiled.
   */
  validator(ref: string): ValidateFunction | undefined {
    let v = this.validators.get(ref);
    if (v === undefined) {
      try {
        v =
          (Object.hasOwn(this.precompiled ?? {}, ref) ? this.precompiled?.[ref] : undefined) ??
          this.getAjv().getSchema(ref) ??
          null;
      } catch {
        v = null;
      }
      this.validators.set(ref, v);
    }
    return v ?? undefined;
  }

  private getAjv(): Ajv {
    if (this.ajv) return this.ajv;
    const ajv = createAjv();
    for (const f of this.index.files) {
      const schema = this.load(`kubernetes/${f}`);
      if (schema && typeof schema === 'object') ajv.addSchema(schema as object);
    }
    return (this.ajv = ajv);
  }
}

/** The API group of an apiVersion: `apps` for `apps/v1`, '' (core) for `v1`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}
