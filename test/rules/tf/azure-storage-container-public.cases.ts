import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'private',
      code: 'resource "azurerm_storage_container" "c" {\n  name                  = "data"\n  container_access_type = "private"\n}\n',
    },
    { name: 'default', code: 'resource "azurerm_storage_container" "c" {\n  name = "data"\n}\n' },
  ],
  invalid: [
    {
      name: 'blob',
      code: 'resource "azurerm_storage_container" "c" {\n  name                  = "data"\n  container_access_type = "blob"\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 33, message: '"blob"' }],
    },
    {
      name: 'container',
      code: 'resource "azurerm_storage_container" "c" {\n  container_access_type = "container"\n}\n',
      errors: [{ line: 2, column: 3 }],
    },
  ],
};

export default cases;
