import { distance } from 'fastest-levenshtein';
import { didYouMean } from '../text/didYouMean';
import { groupOf, type KubernetesSchemas } from './schemas';

/** What an apiVersion + kind pair refers to. */
export type Resolution =
  | { type: 'schema'; ref: string }
  /** A built-in apiVersion (or group) that has no such kind. */
  | { type: 'unknown-kind'; suggestion?: string; suggestionApiVersion?: string }
  /** A built-in kind (or group) not served at this apiVersion. */
  | { type: 'unknown-api-version'; suggestion?: string; alsoUnknownKind?: boolean }
  /** Not a built-in API group: a custom resource. */
  | { type: 'no-schema' };

/** How far a mistyped apiVersion may be from a real one of the kind to count as a typo (`app/v1`). */
const APIVERSION_TYPO = 2;

export function resolveKind(schemas: KubernetesSchemas, apiVersion: string, kind: string): Resolution {
  const ref = schemas.ref(apiVersion, kind);
  if (ref) return { type: 'schema', ref };
  const servedAt = schemas.apiVersionsOf(kind);
  const group = groupOf(apiVersion);
  if (schemas.hasApiVersion(apiVersion)) {
    if (servedAt.length > 0)
      return { type: 'unknown-api-version', suggestion: bestApiVersion(apiVersion, servedAt) };
    return unknownKind(schemas, kind, schemas.kindsOf(apiVersion));
  }
  if (schemas.isBuiltInGroup(group)) {
    if (servedAt.length > 0)
      return { type: 'unknown-api-version', suggestion: bestApiVersion(apiVersion, servedAt) };
    const versions = schemas.apiVersionsOfGroup(group);
    return {
      type: 'unknown-api-version',
      suggestion: versions.length ? bestApiVersion(apiVersion, versions) : undefined,
      alsoUnknownKind: true,
    };
  }
  const close = servedAt.filter((v) => distance(v, apiVersion) <= APIVERSION_TYPO);
  if (close.length > 0) return { type: 'unknown-api-version', suggestion: bestApiVersion(apiVersion, close) };
  return { type: 'no-schema' };
}

/** Suggestions for a kind not found in `kinds` (those of its apiVersion or group), else anywhere. */
export function unknownKind(schemas: KubernetesSchemas, kind: string, kinds: string[]): Resolution {
  const near = didYouMean(kind, kinds);
  if (near) return { type: 'unknown-kind', suggestion: near };
  const far = didYouMean(kind, schemas.allKinds());
  if (!far) return { type: 'unknown-kind' };
  return {
    type: 'unknown-kind',
    suggestion: far,
    suggestionApiVersion: bestApiVersion('', schemas.apiVersionsOf(far)),
  };
}

/** Prefers the same group, then a stable version, then the closest spelling, then the newest. */
function bestApiVersion(given: string, options: readonly string[]): string | undefined {
  const group = groupOf(given);
  const score = (v: string): [number, number, number] => [
    groupOf(v) === group ? 0 : 1,
    /alpha|beta/.test(v) ? 1 : 0,
    distance(v, given),
  ];
  return [...options].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    return sa[0] - sb[0] || sa[1] - sb[1] || sa[2] - sb[2] || (a < b ? 1 : a > b ? -1 : 0);
  })[0];
}
