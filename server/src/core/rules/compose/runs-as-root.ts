import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, OWASP_DOCKER, services } from './helpers';

/** `root`, `0`, with or without a group (`0:0`, `root:root`). */
function isRoot(user: unknown): boolean {
  if (user === 0) return true;
  if (typeof user !== 'string') return false;
  const name = user.trim().split(':')[0] ?? '';
  return name === 'root' || name === '0';
}

const rule: ComposeRule = {
  meta: {
    id: 'compose/runs-as-root',
    title: 'Service explicitly runs as root',
    severity: 'warning',
    category: 'security',
    why: 'Root in a container is root on the host kernel: any escape (a kernel bug, a mounted socket, a writable host path) becomes full host compromise. Only an explicit `user: root` / `user: "0"` is reported; without `user`, the image decides.',
    fix: 'Run the service as an unprivileged user (`user: "1000:1000"` or a named user of the image), and fix file ownership of its volumes accordingly.',
    references: [composeRef('user'), CIS_DOCKER, OWASP_DOCKER],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      if (!isRoot(svc.value['user'])) continue;
      ctx.report([...svc.path, 'user'], { message: `Service "${svc.name}" runs as root.` });
    }
  },
};

export default rule;
