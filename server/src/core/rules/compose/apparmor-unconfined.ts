import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, securityOpts, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/apparmor-unconfined',
    title: 'AppArmor disabled for a service',
    severity: 'warning',
    category: 'security',
    why: 'On AppArmor hosts Docker confines containers with the `docker-default` profile, which denies writes to /proc and /sys and mounts; `apparmor:unconfined` removes that layer of defence.',
    fix: 'Remove `apparmor:unconfined`, or load a custom AppArmor profile that allows just what the service needs.',
    references: [
      composeRef('security_opt'),
      {
        title: 'Docker: AppArmor security profiles',
        url: 'https://docs.docker.com/engine/security/apparmor/',
      },
      CIS_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      for (const o of securityOpts(svc)) {
        if (o.name !== 'apparmor' || o.value.toLowerCase() !== 'unconfined') continue;
        ctx.report([...svc.path, 'security_opt', o.index], {
          message: `Service "${svc.name}" runs without an AppArmor profile.`,
        });
      }
    }
  },
};

export default rule;
