import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'TLS 1.2', code: 'resource "azurerm_storage_account" "sa" {\n  min_tls_version = "TLS1_2"\n}\n' },
    { name: 'default', code: 'resource "azurerm_storage_account" "sa" {\n  name = "sa"\n}\n' },
  ],
  invalid: [
    {
      name: 'TLS 1.0',
      code: 'resource "azurerm_storage_account" "sa" {\n  min_tls_version = "TLS1_0"\n}\n',
      errors: [{ line: 2, column: 3, endColumn: 29, message: 'TLS1.0' }],
    },
  ],
};

export default cases;
