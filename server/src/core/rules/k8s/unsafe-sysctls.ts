import type { K8sRule } from '../types';
import { get, isRecord } from './objects';
import { podSpecs } from './podSpec';
import { PSS, SYSCTLS } from './refs';

/** The sysctls Kubernetes considers safe (namespaced, isolated between pods). */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

const rule: K8sRule = {
  meta: {
    id: 'k8s/unsafe-sysctls',
    title: 'Pod sets an unsafe sysctl',
    severity: 'warning',
    category: 'security',
    why: 'Sysctls outside the safe set can affect other pods on the node or the node itself; the kubelet rejects them unless explicitly allowed. The Pod Security Standards (baseline) allow only the safe set.',
    fix: 'Remove the sysctl, or tune it at node level for a dedicated node pool.',
    references: [PSS, SYSCTLS],
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      const sysctls = get(pod.spec, ['securityContext', 'sysctls']);
      if (!Array.isArray(sysctls)) continue;
      sysctls.forEach((s, i) => {
        if (!isRecord(s) || typeof s.name !== 'string' || SAFE.has(s.name.replace(/\//g, '.'))) return;
        ctx.report(pod.obj, [...pod.path, 'securityContext', 'sysctls', i, 'name'], {
          message: `The sysctl ${s.name} is not in the safe set.`,
        });
      });
    }
  },
};

export default rule;
