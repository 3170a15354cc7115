import type { Fix } from '../../types';
import { mergeEdits, type YamlPatch } from '../yamlEdits';
import type { K8sRuleContext } from '../types';
import type { ContainerRef, PodSpecRef } from './podSpec';

/** A fix that merges `patch` into a container's mapping (creating parents as needed). */
export function containerFix(
  ctx: K8sRuleContext,
  c: ContainerRef,
  title: string,
  patch: YamlPatch,
  overwrite = true,
): Fix | undefined {
  const obj = c.pod.obj;
  const edits = mergeEdits(ctx.file, obj.doc, [...obj.path, ...c.path], patch, { overwrite });
  return edits.length ? { title, edits } : undefined;
}

/** A fix that merges `patch` into a pod spec. */
export function podFix(
  ctx: K8sRuleContext,
  pod: PodSpecRef,
  title: string,
  patch: YamlPatch,
  overwrite = true,
): Fix | undefined {
  const obj = pod.obj;
  const edits = mergeEdits(ctx.file, obj.doc, [...obj.path, ...pod.path], patch, { overwrite });
  return edits.length ? { title, edits } : undefined;
}

export function fixes(...f: (Fix | undefined)[]): Fix[] | undefined {
  const out = f.filter((x): x is Fix => x !== undefined);
  return out.length ? out : undefined;
}
