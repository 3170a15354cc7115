import { KubernetesSchemas } from '../kubernetes/schemas';
import type { SchemaStore } from '../schema/store';
import type { PathSegment } from '../yaml/yamlFile';
import type { CrdSource } from './crd';
import { SchemaNav, type SchemaAt } from './schemaNav';

export function kubernetesNav(store: SchemaStore): SchemaNav {
  return store.memo('features:kubernetes-nav', (load) => new SchemaNav(load, 'kubernetes/'));
}

export function composeNav(store: SchemaStore): SchemaNav {
  return store.memo('features:compose-nav', (load) => new SchemaNav(load, 'compose/'));
}

export function kubernetesIndex(store: SchemaStore): KubernetesSchemas | undefined {
  return store.memo('kubernetes', KubernetesSchemas.load);
}

/** The schema of a Kubernetes object: a built-in kind, else a workspace CRD. */
export function kubernetesRoot(
  store: SchemaStore,
  crds: CrdSource | undefined,
  obj: unknown,
): SchemaAt | undefined {
  if (!isRecord(obj)) return undefined;
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const ref = kubernetesIndex(store)?.ref(apiVersion, kind);
  if (ref) return kubernetesNav(store).at(ref);
  const crd = crds?.schema(apiVersion, kind);
  return crd ? { schema: crd.schema, file: '' } : undefined;
}

/**
 * The object a path of a document is in and the path inside it: a `kind: List` document's
 * `items[i]` are objects of their own.
 */
export function objectAndPath(docValue: unknown, path: PathSegment[]): { obj: unknown; path: PathSegment[] } {
  if (isRecord(docValue) && docValue.kind === 'List' && path[0] === 'items' && typeof path[1] === 'number') {
    const items = docValue.items;
    const item = Array.isArray(items) ? items[path[1]] : undefined;
    if (isRecord(item)) return { obj: item, path: path.slice(2) };
  }
  return { obj: docValue, path };
}

export function composeRoot(store: SchemaStore): SchemaAt | undefined {
  return composeNav(store).at('compose-spec.json');
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
