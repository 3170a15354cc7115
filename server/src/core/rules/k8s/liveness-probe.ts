import type { K8sRule } from '../types';
import { checkProbe } from './probes';
import { CONFIG_BEST, PROBES } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/liveness-probe',
    title: 'Container has no liveness probe',
    severity: 'warning',
    category: 'reliability',
    why: 'Without a liveness probe, a container that hangs (deadlock, stuck event loop) keeps running and keeps receiving traffic; Kubernetes only restarts processes that exit. Not checked on init and ephemeral containers, nor on Jobs and CronJobs.',
    fix: 'Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that fails only when the process cannot recover by itself.',
    references: [PROBES, CONFIG_BEST],
    fixable: true,
  },
  check: (ctx) => checkProbe(ctx, 'livenessProbe'),
};

export default rule;
