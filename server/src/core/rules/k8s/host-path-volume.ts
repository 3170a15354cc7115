import type { K8sRule } from '../types';
import { isRecord } from './objects';
import { podSpecs } from './podSpec';
import { HOST_PATH, PSS } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/host-path-volume',
    title: 'Pod mounts a hostPath volume',
    severity: 'warning',
    category: 'security',
    why: "A hostPath volume exposes the node's filesystem to the pod: writable mounts allow escaping to the node, and the pod becomes tied to one node's files. The Pod Security Standards (baseline) forbid hostPath volumes.",
    fix: 'Use an `emptyDir`, a ConfigMap/Secret or a PersistentVolumeClaim instead. Where node access is required (log or metrics agents), mount read-only and suppress with a reason.',
    references: [HOST_PATH, PSS],
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      const volumes = pod.spec.volumes;
      if (!Array.isArray(volumes)) continue;
      volumes.forEach((v, i) => {
        if (!isRecord(v) || !isRecord(v.hostPath)) return;
        const path = typeof v.hostPath.path === 'string' ? ` ${v.hostPath.path}` : '';
        ctx.report(pod.obj, [...pod.path, 'volumes', i, 'hostPath'], {
          at: 'key',
          message: `Volume '${String(v.name ?? i)}' mounts the host path${path}.`,
        });
      });
    }
  },
};

export default rule;
