import type { ComposeRule } from '../types';
import { CIS_DOCKER, composeRef, DOCKER_TAGGING, parseImage, services } from './helpers';

const rule: ComposeRule = {
  meta: {
    id: 'compose/image-tag-missing',
    title: 'Image has no tag',
    severity: 'warning',
    category: 'reliability',
    why: 'An image without a tag or digest means `latest`: what runs changes whenever someone pushes, so deployments are not reproducible and upgrades happen by accident.',
    fix: 'Add a specific version tag (e.g. `redis:7.4`), ideally with a digest. A service that builds its image (`build:`) names its own result and is not reported.',
    references: [composeRef('image'), DOCKER_TAGGING, CIS_DOCKER],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      const image = svc.value['image'];
      if (typeof image !== 'string' || svc.value['build'] !== undefined) continue;
      const ref = parseImage(image);
      if (!ref || ref.digest || ref.tag !== '') continue;
      ctx.report([...svc.path, 'image'], {
        message: `Service "${svc.name}" uses the image "${image}" without a tag.`,
      });
    }
  },
};

export default rule;
