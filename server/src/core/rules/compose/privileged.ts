import type { ComposeRule } from '../types';
import { deletePairEdit } from '../yamlEdits';
import { CIS_DOCKER, composeRef, isTrue, OWASP_DOCKER, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/privileged',
    title: 'Service runs privileged',
    severity: 'error',
    category: 'security',
    why: 'A privileged container gets every capability and access to all host devices, and can leave its isolation with little effort: a compromise of the service is a compromise of the host.',
    fix: 'Remove `privileged: true` and grant only the capabilities (`cap_add`) or devices (`devices`) the service really needs.',
    references: [
      composeRef('privileged'),
      CIS_DOCKER,
      OWASP_DOCKER,
      {
        title: 'Docker run reference: runtime privilege and Linux capabilities',
        url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      },
    ],
    fixable: true,
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      if (!isTrue(svc.value['privileged'])) continue;
      const path = [...svc.path, 'privileged'];
      const edits = deletePairEdit(ctx.file, ctx.doc, path);
      const fix = edits.length ? { title: 'Remove `privileged: true`', edits } : undefined;
      ctx.report(path, {
        at: 'pair',
        message: `Service "${svc.name}" runs privileged, with full access to the host.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export default rule;
