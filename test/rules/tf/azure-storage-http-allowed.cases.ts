import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'default',
      code: 'resource "azurerm_storage_account" "sa" {\n  name                     = "sa"\n  account_tier             = "Standard"\n  account_replication_type = "LRS"\n}\n',
    },
    {
      name: 'explicit true',
      code: 'resource "azurerm_storage_account" "sa" {\n  https_traffic_only_enabled = true\n}\n',
    },
  ],
  invalid: [
    {
      name: 'v4 attribute false',
      code: 'resource "azurerm_storage_account" "sa" {\n  name                       = "sa"\n  https_traffic_only_enabled = false\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 37 }],
    },
    {
      name: 'v3 attribute false',
      code: 'resource "azurerm_storage_account" "sa" {\n  enable_https_traffic_only = false\n}\n',
      errors: [{ line: 2, column: 3 }],
    },
  ],
};

export default cases;
