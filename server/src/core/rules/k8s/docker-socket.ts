import type { K8sRule } from '../types';
import { isRecord } from './objects';
import { podSpecs } from './podSpec';
import { CIS, HOST_PATH } from './refs';

/** Container runtime sockets, and the folders that hold them. */
const SOCKETS = new Set([
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/var/run',
  '/run',
]);

const rule: K8sRule = {
  meta: {
    id: 'k8s/docker-socket',
    title: 'Pod mounts the container runtime socket',
    severity: 'error',
    category: 'security',
    why: 'Whoever can talk to the Docker or containerd socket can start a privileged container on the node: mounting it hands the pod root on the node.',
    fix: 'Remove the volume. Build images with a daemonless builder (BuildKit rootless, kaniko) and read container metadata through the Kubernetes API instead.',
    references: [HOST_PATH, CIS],
  },
  check(ctx) {
    for (const pod of podSpecs(ctx.objects)) {
      const volumes = pod.spec.volumes;
      if (!Array.isArray(volumes)) continue;
      volumes.forEach((v, i) => {
        if (!isRecord(v) || !isRecord(v.hostPath) || typeof v.hostPath.path !== 'string') return;
        const p = v.hostPath.path.replace(/\/+$/, '') || '/';
        if (!SOCKETS.has(p)) return;
        ctx.report(pod.obj, [...pod.path, 'volumes', i, 'hostPath', 'path'], {
          message: `Volume '${String(v.name ?? i)}' mounts the container runtime socket (${p}).`,
        });
      });
    }
  },
};

export default rule;
