import type { TfRule } from '../types';
import { attr, azureDoc, CIS_AZURE, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/azure-storage-old-tls',
    title: 'Azure storage account accepts TLS below 1.2',
    severity: 'warning',
    category: 'security',
    why: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996); Azure Storage ends support for them. Clients should connect with TLS 1.2 or later.',
    fix: 'Set `min_tls_version = "TLS1_2"` (the default in current provider versions).',
    references: [
      azureDoc('azurerm_storage_account'),
      {
        title: 'Azure Storage: enforce a minimum TLS version',
        url: 'https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version',
      },
      CIS_AZURE,
    ],
  },
  check(ctx) {
    for (const sa of resources(ctx, 'azurerm_storage_account')) {
      if (isDisabled(ctx, sa)) continue;
      const a = attr(sa, 'min_tls_version');
      const v = known(ctx, a?.expr);
      if (a && (v === 'TLS1_0' || v === 'TLS1_1')) {
        ctx.report(a, { message: `Storage account "${sa.labels[1] ?? ''}" accepts ${v.replace('_', '.')}.` });
      }
    }
  },
};

export default rule;
