import type { ComposeRule } from '../types';
import { deletePairEdit } from '../yamlEdits';
import type { PathSegment } from '../../yaml/yamlFile';
import { CIS_DOCKER, composeRef, isDict, isTrue, OWASP_DOCKER, services } from './helpers';

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
      const report = (path: PathSegment[], message: string) => {
        const edits = deletePairEdit(ctx.file, ctx.doc, path);
        const fix = edits.length ? { title: 'Remove `privileged: true`', edits } : undefined;
        ctx.report(path, { at: 'pair', message, fixes: fix ? [fix] : undefined });
      };
      if (isTrue(svc.value['privileged'])) {
        report(
          [...svc.path, 'privileged'],
          `Service "${svc.name}" runs privileged, with full access to the host.`,
        );
      }
      // The image build runs with the same elevated rights on the build host.
      const build = svc.value['build'];
      if (isDict(build) && isTrue(build['privileged'])) {
        report(
          [...svc.path, 'build', 'privileged'],
          `Service "${svc.name}" builds its image privileged, with full access to the build host.`,
        );
      }
    }
  },
};

export default rule;
