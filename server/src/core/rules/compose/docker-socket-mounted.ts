import type { ComposeRule } from '../types';
import { bindMounts, CIS_DOCKER, composeRef, isDockerSocket, OWASP_DOCKER, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/docker-socket-mounted',
    title: 'Docker socket mounted into a service',
    severity: 'error',
    category: 'security',
    why: 'Whoever can talk to the Docker socket can start a privileged container with the host filesystem mounted: the socket is root on the host. Mounting it read-only does not help, the API is still fully usable.',
    fix: 'Remove the mount. If the service must react to containers, put a filtering proxy (e.g. a socket proxy allowing only read endpoints) in between, or use the engine API over TLS with authorization.',
    references: [
      composeRef('volumes'),
      {
        title: 'Docker: protect the Docker daemon socket',
        url: 'https://docs.docker.com/engine/security/protect-access/',
      },
      CIS_DOCKER,
      OWASP_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      for (const m of bindMounts(svc)) {
        if (!isDockerSocket(m.source)) continue;
        ctx.report(m.reportPath, {
          message: `Service "${svc.name}" mounts the Docker socket (${m.source}), which gives it root on the host.`,
        });
      }
    }
  },
};

export default rule;
