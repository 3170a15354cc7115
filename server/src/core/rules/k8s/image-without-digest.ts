import type { K8sRule } from '../types';
import { parseImage } from './image';
import { allContainers, containerLabel } from './podSpec';
import { IMAGES } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/image-without-digest',
    title: 'Image is not pinned by digest',
    severity: 'info',
    category: 'security',
    why: 'Tags can be moved to other content; only a digest (`@sha256:...`) guarantees that the image that runs is the one that was reviewed and scanned.',
    fix: 'Append the digest to the image reference: `repo:tag@sha256:<digest>`.',
    references: [IMAGES],
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      const ref = parseImage(c.value.image);
      if (!ref || ref.digest) continue;
      ctx.report(c.pod.obj, [...c.path, 'image'], {
        message: `${containerLabel(c)} has an image without a digest.`,
      });
    }
  },
};

export default rule;
