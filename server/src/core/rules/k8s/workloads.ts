import type { K8sObject } from '../types';
import { get, isRecord } from './objects';
import { sameNamespace } from './podSpec';

/** True when a HorizontalPodAutoscaler of the folder scales `obj`: it then owns the replica count. */
export function hasAutoscaler(obj: K8sObject, folder: readonly K8sObject[]): boolean {
  return folder.some((o) => {
    if (o.kind !== 'HorizontalPodAutoscaler' && o.kind !== 'ScaledObject') return false;
    const ref = get(o.value, ['spec', 'scaleTargetRef']);
    if (!isRecord(ref)) return false;
    const kind = ref.kind ?? 'Deployment';
    return kind === obj.kind && ref.name === obj.name && sameNamespace(o, obj);
  });
}
