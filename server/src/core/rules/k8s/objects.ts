import type { PathSegment, YamlFile } from '../../yaml/yamlFile';
import type { K8sObject } from '../types';

/** Kubernetes objects of a parsed file: one per document, and the `items` of `kind: List`. */
export function k8sObjects(file: YamlFile, path: string): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of file.docs) {
    const value = doc.value;
    if (!isRecord(value) || typeof value.kind !== 'string') continue;
    if (value.kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item, i) => {
        if (isRecord(item) && typeof item.kind === 'string')
          out.push(toObject(doc, ['items', i], item, path));
      });
      continue;
    }
    out.push(toObject(doc, [], value, path));
  }
  return out;
}

function toObject(
  doc: K8sObject['doc'],
  path: PathSegment[],
  value: Record<string, unknown>,
  file: string,
): K8sObject {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    doc,
    path,
    value,
    apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : '',
    kind: String(value.kind),
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    file,
  };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value that comes from a template engine (Helm, envsubst, kustomize vars): unknown, not wrong. */
export function isTemplated(v: unknown): boolean {
  return typeof v === 'string' && /\{\{|\$\{|\$\(/.test(v);
}

/** Reads a nested value by path from a plain value. */
export function get(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isRecord(v)) v = v[String(seg)];
    else return undefined;
  }
  return v;
}
