import type { K8sRule } from '../types';
import { podSpecs } from './podSpec';
import { CIS, PSS } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/host-ipc',
    title: 'Pod shares the host IPC namespace',
    severity: 'error',
    category: 'security',
    why: 'With `hostIPC: true` the pod can read and write the shared memory of every process on the node. The Pod Security Standards (baseline) forbid it.',
    fix: 'Remove `hostIPC: true` from the pod spec; run node-level agents in a dedicated, audited namespace if they really need it.',
    references: [PSS, CIS],
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      if (pod.spec.hostIPC !== true) continue;
      ctx.report(pod.obj, [...pod.path, 'hostIPC'], { at: 'pair' });
    }
  },
};

export default rule;
