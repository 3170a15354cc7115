import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, DOCKER_TAGGING, parseImage, services } from './helpers';

/** Tags that move to a new image on every release, like `latest`. */
const FLOATING = new Set([
  'latest',
  'stable',
  'edge',
  'nightly',
  'canary',
  'lts',
  'mainline',
  'rolling',
  // Channel names teams push every build of a branch to.
  'dev',
  'beta',
  'test',
]);

const rule: ComposeRule = {
  meta: {
    id: 'compose/image-tag-latest',
    title: 'Image uses the latest (or another floating) tag',
    severity: 'warning',
    category: 'reliability',
    why: '`latest` (like `stable`, `edge`, `lts`, `nightly`) is whatever was pushed last: two hosts (or two deploys) can run different code from the same file, rollbacks have nothing to go back to and breaking upgrades arrive unannounced.',
    fix: 'Pin a specific version tag (e.g. `postgres:16.4`), ideally with a digest (`postgres:16.4@sha256:...`).',
    references: [composeRef('image'), DOCKER_TAGGING, CIS_DOCKER],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      const image = svc.value['image'];
      if (typeof image !== 'string') continue;
      const ref = parseImage(image);
      if (!ref || ref.digest || !FLOATING.has(ref.tag.toLowerCase())) continue;
      ctx.report([...svc.path, 'image'], {
        message: `Service "${svc.name}" uses the image "${image}" with the floating tag "${ref.tag}".`,
      });
    }
  },
};

export default rule;
