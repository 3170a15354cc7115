import type { K8sRule } from '../types';
import { parseImage } from './image';
import { allContainers, containerLabel } from './podSpec';
import { CONFIG_BEST, IMAGES } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/image-tag-missing',
    title: 'Image has no tag',
    severity: 'warning',
    category: 'reliability',
    why: 'An image without a tag or digest means `latest`: what runs changes whenever the image is pushed, and rollbacks do not roll back.',
    fix: 'Add a specific version tag (e.g. `redis:7.4.1`), ideally with its digest.',
    references: [IMAGES, CONFIG_BEST],
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      const ref = parseImage(c.value.image);
      if (!ref || ref.digest || ref.tag !== undefined) continue;
      ctx.report(c.pod.obj, [...c.path, 'image'], {
        message: `${containerLabel(c)} has an image without a tag.`,
      });
    }
  },
};

export default rule;
