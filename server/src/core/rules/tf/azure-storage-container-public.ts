import type { TfRule } from '../types';
import { attr, azureDoc, CIS_AZURE, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/azure-storage-container-public',
    title: 'Azure storage container is publicly readable',
    severity: 'error',
    category: 'security',
    why: 'A container with access type `blob` lets anyone on the internet read its blobs by URL; `container` also lets them list every blob. Such containers are routinely found by scanners.',
    fix: 'Set `container_access_type = "private"` (the default) and hand out SAS tokens or use a CDN for content that must be public.',
    references: [
      azureDoc('azurerm_storage_container'),
      {
        title: 'Azure Storage: configure anonymous read access for containers and blobs',
        url: 'https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure',
      },
      CIS_AZURE,
    ],
  },
  check(ctx) {
    for (const c of resources(ctx, 'azurerm_storage_container')) {
      if (isDisabled(ctx, c)) continue;
      const a = attr(c, 'container_access_type');
      const v = known(ctx, a?.expr);
      if (a && (v === 'blob' || v === 'container')) {
        ctx.report(a, {
          message: `Storage container "${c.labels[1] ?? ''}" allows anonymous "${v}" access.`,
        });
      }
    }
  },
};

export default rule;
