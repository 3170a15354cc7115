import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, OWASP_DOCKER, securityOpts, selfContainedServices } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/no-new-privileges-unset',
    title: 'no-new-privileges is not set',
    severity: 'warning',
    category: 'security',
    why: 'Without `no-new-privileges`, a process in the container can gain privileges through setuid or setgid binaries (e.g. `su`, `sudo`, a vulnerable helper), turning a foothold as an unprivileged user into root in the container.',
    fix: 'Add `security_opt: ["no-new-privileges:true"]` to the service.',
    references: [
      composeRef('security_opt'),
      {
        title: 'Docker run reference: security configuration',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt',
      },
      CIS_DOCKER,
      OWASP_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of selfContainedServices(ctx)) {
      const opt = securityOpts(svc).find((o) => o.name === 'no-new-privileges');
      if (!opt) {
        const where = svc.value['security_opt'] !== undefined ? [...svc.path, 'security_opt'] : svc.path;
        ctx.report(where, { at: 'key', message: `Service "${svc.name}" does not set no-new-privileges.` });
      } else if (/^false$/i.test(opt.value)) {
        ctx.report([...svc.path, 'security_opt', opt.index], {
          message: `Service "${svc.name}" sets no-new-privileges to false.`,
        });
      }
    }
  },
};

export default rule;
