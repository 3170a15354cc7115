import type { TfRule } from '../types';
import { asBool, attr, azureDoc, CIS_AZURE, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/azure-storage-public-blob-access',
    title: 'Azure storage account allows public blob access',
    severity: 'warning',
    category: 'security',
    why: 'When the account allows public access to nested items, any container can be switched to anonymous read with a single setting; accounts that never serve public content should rule it out at the account level.',
    fix: 'Set `allow_nested_items_to_be_public = false` (`allow_blob_public_access = false` before provider v3) and serve public files through a CDN or SAS tokens.',
    references: [
      azureDoc('azurerm_storage_account'),
      {
        title: 'Azure Storage: prevent anonymous read access to containers and blobs',
        url: 'https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent',
      },
      CIS_AZURE,
    ],
  },
  check(ctx) {
    for (const sa of resources(ctx, 'azurerm_storage_account')) {
      if (isDisabled(ctx, sa)) continue;
      for (const name of ['allow_nested_items_to_be_public', 'allow_blob_public_access']) {
        const a = attr(sa, name);
        if (a && asBool(known(ctx, a.expr)) === true) {
          ctx.report(a, { message: `Storage account "${sa.labels[1] ?? ''}" allows public blob access.` });
        }
      }
    }
  },
};

export default rule;
