import type { TfRule } from '../types';
import { asBool, attr, azureDoc, CIS_AZURE, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/azure-storage-http-allowed',
    title: 'Azure storage account accepts plain HTTP',
    severity: 'error',
    category: 'security',
    why: 'With HTTPS-only off, requests and shared access signatures can travel unencrypted, open to interception and tampering on the network path.',
    fix: 'Remove the argument (HTTPS-only is the default) or set `https_traffic_only_enabled = true` (`enable_https_traffic_only` before provider v4).',
    references: [
      azureDoc('azurerm_storage_account'),
      {
        title: 'Azure Storage: require secure transfer',
        url: 'https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer',
      },
      CIS_AZURE,
    ],
  },
  check(ctx) {
    for (const sa of resources(ctx, 'azurerm_storage_account')) {
      if (isDisabled(ctx, sa)) continue;
      for (const name of ['https_traffic_only_enabled', 'enable_https_traffic_only']) {
        const a = attr(sa, name);
        if (a && asBool(known(ctx, a.expr)) === false) {
          ctx.report(a, { message: `Storage account "${sa.labels[1] ?? ''}" accepts plain HTTP.` });
        }
      }
    }
  },
};

export default rule;
