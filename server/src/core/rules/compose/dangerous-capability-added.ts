import type { ComposeRule } from '../types';
import { capName, CIS_DOCKER, composeRef, OWASP_DOCKER, services, stringItems } from './helpers';

/** Capabilities that amount to (or easily lead to) root on the host. */
const DANGEROUS = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'NET_ADMIN',
  'NET_RAW',
  'DAC_READ_SEARCH',
  'DAC_OVERRIDE',
  'BPF',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'SETFCAP',
  'MKNOD',
]);

const rule: ComposeRule = {
  meta: {
    id: 'compose/dangerous-capability-added',
    title: 'Dangerous Linux capability added',
    severity: 'warning',
    category: 'security',
    why: 'Capabilities such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN or ALL give a container powers over the kernel, the network stack or other processes that make escaping to the host easy.',
    fix: 'Remove the capability from `cap_add`; if one is really needed, add only that one and document why, together with `cap_drop: [ALL]`.',
    references: [
      composeRef('cap_add'),
      {
        title: 'Docker run reference: runtime privilege and Linux capabilities',
        url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      },
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
      CIS_DOCKER,
      OWASP_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      for (const { index, value } of stringItems(svc.value['cap_add'])) {
        const cap = capName(value);
        if (!DANGEROUS.has(cap)) continue;
        ctx.report([...svc.path, 'cap_add', index], {
          message: `Service "${svc.name}" adds the dangerous capability ${cap}.`,
        });
      }
    }
  },
};

export default rule;
