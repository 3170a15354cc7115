import type { K8sRule } from '../types';
import { parseImage } from './image';
import { allContainers, containerLabel } from './podSpec';
import { CONFIG_BEST, IMAGES } from './refs';

const rule: K8sRule = {
  meta: {
    id: 'k8s/image-tag-latest',
    title: "Image uses the 'latest' tag",
    severity: 'warning',
    category: 'reliability',
    why: '`latest` moves: two nodes can run different code under the same manifest, rollbacks do not roll back, and what runs cannot be told from the manifest.',
    fix: 'Pin a specific version tag (e.g. `nginx:1.27.2`), ideally with its digest.',
    references: [IMAGES, CONFIG_BEST],
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      const ref = parseImage(c.value.image);
      if (!ref || ref.digest || ref.tag?.toLowerCase() !== 'latest') continue;
      ctx.report(c.pod.obj, [...c.path, 'image'], {
        message: `${containerLabel(c)} uses the 'latest' image tag.`,
      });
    }
  },
};

export default rule;
