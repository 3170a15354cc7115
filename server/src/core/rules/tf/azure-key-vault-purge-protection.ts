import type { TfRule } from '../types';
import { asBool, attr, azureDoc, CIS_AZURE, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/azure-key-vault-purge-protection',
    title: 'Key Vault without purge protection',
    severity: 'warning',
    category: 'reliability',
    why: 'Without purge protection a deleted vault (or a deleted key, secret or certificate) can be purged at once, by mistake or by an attacker, before its soft-delete retention ends: data encrypted with those keys is then lost for good.',
    fix: 'Set `purge_protection_enabled = true` (it cannot be turned off again) and keep `soft_delete_retention_days` at a useful length.',
    references: [
      azureDoc('azurerm_key_vault'),
      {
        title: 'Azure Key Vault: soft-delete and purge protection',
        url: 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview',
      },
      CIS_AZURE,
    ],
  },
  check(ctx) {
    for (const kv of resources(ctx, 'azurerm_key_vault')) {
      if (isDisabled(ctx, kv)) continue;
      const name = kv.labels[1] ?? '';
      const a = attr(kv, 'purge_protection_enabled');
      if (!a) ctx.report(kv, { message: `Key Vault "${name}" does not enable purge protection.` });
      else if (asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, { message: `Key Vault "${name}" has purge protection turned off.` });
      }
    }
  },
};

export default rule;
