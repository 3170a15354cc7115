import type { ValidateFunction } from 'ajv';
import { dirname, join } from 'node:path';
import type { AnalysisHost } from '../analyzer';
import { createAjv } from '../schema/ajv';
import { CRD_KIND, parseYaml, type YamlFile } from '../yaml/yamlFile';
import type { JsonSchema } from './schemaNav';

/** The schema of one served version of a CustomResourceDefinition. */
export interface CrdVersion {
  /** `<group>/<version>`, as custom resources write it. */
  apiVersion: string;
  kind: string;
  /** The openAPIV3Schema turned into the draft-07 dialect the validators and hover read. */
  schema: JsonSchema;
  /** File the CRD was read from. */
  source: string;
}

/** Where the Kubernetes checks get schemas of custom resources from. */
export interface CrdSource {
  /** A validator for a custom resource kind, when a CRD for it is known. */
  validator(apiVersion: string, kind: string): ValidateFunction | undefined;
  /** The schema of a custom resource kind, for hover and completion. */
  schema(apiVersion: string, kind: string): CrdVersion | undefined;
}

/**
 * What a host may add (the language server, when the user opts in): schemas of kinds the user's
 * cluster serves. Consulted after the workspace's CRDs, which win.
 */
export interface ClusterSchemaHost {
  clusterSchema?(apiVersion: string, kind: string): CrdVersion | undefined;
}

const YAML_NAME = /\.ya?ml$/i;
/** Folders next to a manifest where CRDs usually live. */
const CRD_DIRS = ['.', 'crds', 'crd', '../crds', '../crd'];
const MAX_CRD_FILE_CHARS = 4 * 1024 * 1024;

/**
 * CustomResourceDefinitions of the workspace: learnt from every Kubernetes file analysed, and
 * read from the folders around a manifest (its own, `crds/`, `../crds/`) the first time a file
 * there is checked, through the host. Validators are compiled per CRD version on first use.
 */
export class CrdRegistry implements CrdSource {
  private readonly byFile = new Map<string, CrdVersion[]>();
  private readonly scanned = new Set<string>();
  private readonly validators = new WeakMap<CrdVersion, ValidateFunction | null>();

  constructor(private readonly host: AnalysisHost & ClusterSchemaHost) {}

  /** Records the CRDs of a file just parsed (and forgets those it no longer has). */
  learn(path: string, file: YamlFile): void {
    const found = (file.mentions?.crd ?? CRD_KIND.test(file.text)) ? extractCrds(file, path) : [];
    if (found.length > 0) this.byFile.set(path, found);
    else this.byFile.delete(path);
  }

  /** Reads the CRDs of the folders around `path`, once per folder. */
  scanAround(path: string, skip: string): void {
    for (const rel of CRD_DIRS) {
      const dir = join(dirname(path), rel);
      if (this.scanned.has(dir)) continue;
      this.scanned.add(dir);
      for (const name of this.host.listDir(dir) ?? []) {
        if (!YAML_NAME.test(name)) continue;
        const p = join(dir, name);
        if (p === skip || this.byFile.has(p)) continue;
        const text = this.host.readFile(p);
        if (text === undefined || text.length > MAX_CRD_FILE_CHARS || !CRD_KIND.test(text)) continue;
        const crds = extractCrds(parseYaml(text), p);
        if (crds.length > 0) this.byFile.set(p, crds);
      }
    }
  }

  forget(path: string): void {
    this.byFile.delete(path);
  }

  schema(apiVersion: string, kind: string): CrdVersion | undefined {
    for (const list of this.byFile.values()) {
      const v = list.find((c) => c.apiVersion === apiVersion && c.kind === kind);
      if (v) return v;
    }
    return this.host.clusterSchema?.(apiVersion, kind);
  }

  validator(apiVersion: string, kind: string): ValidateFunction | undefined {
    const crd = this.schema(apiVersion, kind);
    if (!crd) return undefined;
    let v = this.validators.get(crd);
    if (v === undefined) {
      try {
        v = createAjv().compile(crd.schema as object);
      } catch {
        v = null;
      }
      this.validators.set(crd, v);
    }
    return v ?? undefined;
  }
}

/** The served versions (with a schema) of every apiextensions.k8s.io/v1 CRD in a file. */
export function extractCrds(file: YamlFile, source: string): CrdVersion[] {
  const out: CrdVersion[] = [];
  for (const d of file.docs) {
    const v = d.value as Record<string, unknown> | undefined;
    if (!isRecord(v) || v.kind !== 'CustomResourceDefinition' || v.apiVersion !== 'apiextensions.k8s.io/v1')
      continue;
    const spec = isRecord(v.spec) ? v.spec : {};
    const group = spec.group;
    const kind = isRecord(spec.names) ? spec.names.kind : undefined;
    if (typeof group !== 'string' || typeof kind !== 'string' || !Array.isArray(spec.versions)) continue;
    for (const ver of spec.versions) {
      if (!isRecord(ver) || typeof ver.name !== 'string' || ver.served === false) continue;
      const raw = isRecord(ver.schema) ? ver.schema.openAPIV3Schema : undefined;
      if (!isRecord(raw)) continue;
      out.push({
        apiVersion: `${group}/${ver.name}`,
        kind,
        schema: customResourceSchema(raw, `${group}/${ver.name}`, kind),
        source,
      });
    }
  }
  return out;
}

const OBJECT_META: JsonSchema = {
  type: 'object',
  description: "Standard object's metadata: name, namespace, labels, annotations.",
};

/** The CRD's schema for a whole object: apiVersion, kind and metadata are always allowed. */
export function customResourceSchema(
  raw: Record<string, unknown>,
  apiVersion: string,
  kind: string,
): JsonSchema {
  const s = convert(raw, true);
  s.properties = {
    apiVersion: { type: 'string', const: apiVersion, description: 'APIVersion of the custom resource.' },
    kind: { type: 'string', const: kind, description: 'Kind of the custom resource.' },
    metadata: OBJECT_META,
    ...s.properties,
  };
  return s;
}

/**
 * OpenAPI v3 (structural schema) to JSON Schema draft-07, as the API server reads it: `nullable`
 * adds null, `x-kubernetes-int-or-string` takes both, and objects with declared properties reject
 * unknown fields (the API server prunes them silently, which is worse) unless they preserve them.
 * Formats are dropped: Kubernetes only checks a few and ajv would reject unknown ones.
 */
function convert(raw: Record<string, unknown>, root = false): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('x-kubernetes-') || k === 'format' || k === 'nullable') continue;
    if (k === 'properties' && isRecord(v)) {
      out.properties = Object.fromEntries(
        Object.entries(v).map(([name, p]) => [name, isRecord(p) ? convert(p) : {}]),
      );
    } else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && isRecord(v)) {
      out[k] = convert(v);
    } else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k] = v.map((x) => (isRecord(x) ? convert(x) : {}));
    } else out[k] = v;
  }
  if (raw['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string'];
  }
  if (raw.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  const preserve =
    raw['x-kubernetes-preserve-unknown-fields'] === true || raw['x-kubernetes-embedded-resource'] === true;
  if (isRecord(out.properties) && out.additionalProperties === undefined && !preserve) {
    out.additionalProperties = false;
  }
  if (root && out.type === undefined) out.type = 'object';
  return out as JsonSchema;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
