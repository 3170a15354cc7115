import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'purge protection on',
      code: [
        'resource "azurerm_key_vault" "main" {',
        '  name                     = "kv-payments"',
        '  location                 = "westeurope"',
        '  resource_group_name      = "rg-payments"',
        '  tenant_id                = "00000000-0000-0000-0000-000000000000"',
        '  sku_name                 = "standard"',
        '  purge_protection_enabled = true',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'purge protection not set',
      code: [
        'resource "azurerm_key_vault" "main" {',
        '  name                = "kv-payments"',
        '  location            = "westeurope"',
        '  resource_group_name = "rg-payments"',
        '  tenant_id           = "00000000-0000-0000-0000-000000000000"',
        '  sku_name            = "premium"',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'purge protection off',
      code: [
        'resource "azurerm_key_vault" "main" {',
        '  name                     = "kv-payments"',
        '  location                 = "westeurope"',
        '  resource_group_name      = "rg-payments"',
        '  tenant_id                = "00000000-0000-0000-0000-000000000000"',
        '  sku_name                 = "standard"',
        '  purge_protection_enabled = false',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 7, column: 3 }],
    },
  ],
};

export default cases;
