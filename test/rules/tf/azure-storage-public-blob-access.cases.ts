import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'disallowed',
      code: 'resource "azurerm_storage_account" "sa" {\n  allow_nested_items_to_be_public = false\n}\n',
    },
  ],
  invalid: [
    {
      name: 'allowed',
      code: 'resource "azurerm_storage_account" "sa" {\n  name                            = "sa"\n  allow_nested_items_to_be_public = true\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 41 }],
    },
    {
      name: 'legacy attribute',
      code: 'resource "azurerm_storage_account" "sa" {\n  allow_blob_public_access = true\n}\n',
      errors: [{ line: 2, column: 3 }],
    },
  ],
};

export default cases;
