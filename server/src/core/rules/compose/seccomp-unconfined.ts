import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, securityOpts, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/seccomp-unconfined',
    title: 'Seccomp disabled for a service',
    severity: 'warning',
    category: 'security',
    why: "Docker's default seccomp profile blocks about 40 system calls (kernel module loading, `mount`, `kexec`, ...) that containers do not need and that kernel exploits rely on; `seccomp:unconfined` removes that filter.",
    fix: 'Remove `seccomp:unconfined`; if a system call is really missing, ship a custom profile that allows just that call (`seccomp:./profile.json`).',
    references: [
      composeRef('security_opt'),
      { title: 'Docker: seccomp security profiles', url: 'https://docs.docker.com/engine/security/seccomp/' },
      CIS_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      for (const o of securityOpts(svc)) {
        if (o.name !== 'seccomp' || o.value.toLowerCase() !== 'unconfined') continue;
        ctx.report([...svc.path, 'security_opt', o.index], {
          message: `Service "${svc.name}" runs without a seccomp profile.`,
        });
      }
    }
  },
};

export default rule;
