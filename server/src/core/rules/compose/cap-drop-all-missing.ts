import type { ComposeRule } from '../types';
import {
  capName,
  CIS_DOCKER,
  composeRef,
  isTrue,
  OWASP_DOCKER,
  selfContainedServices,
  stringItems,
} from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/cap-drop-all-missing',
    title: 'Service does not drop all capabilities',
    severity: 'info',
    category: 'security',
    why: 'Docker gives every container a default set of capabilities (CHOWN, NET_RAW, SETUID, ...) that most services never use; each one widens what an attacker can do after a compromise.',
    fix: 'Add `cap_drop: [ALL]` and add back only what the service needs with `cap_add`.',
    references: [composeRef('cap_drop'), CIS_DOCKER, OWASP_DOCKER],
  },
  check(ctx) {
    for (const svc of selfContainedServices(ctx)) {
      // A privileged service has every capability anyway: compose/privileged reports it.
      if (isTrue(svc.value['privileged'])) continue;
      const drops = svc.value['cap_drop'];
      if (stringItems(drops).some((d) => capName(d.value) === 'ALL')) continue;
      if (drops === undefined) {
        ctx.report(svc.path, { at: 'key', message: `Service "${svc.name}" does not drop all capabilities.` });
      } else {
        ctx.report([...svc.path, 'cap_drop'], {
          at: 'key',
          message: `Service "${svc.name}" drops some capabilities but not ALL.`,
        });
      }
    }
  },
};

export default rule;
