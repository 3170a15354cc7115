import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'enabled',
      code: 'resource "google_storage_bucket" "b" {\n  name                        = "b"\n  location                    = "EU"\n  uniform_bucket_level_access = true\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "google_storage_bucket" "b" {\n  name     = "b"\n  location = "EU"\n}\n',
      errors: [{ line: 1, column: 1, endColumn: 39 }],
    },
    {
      name: 'false',
      code: 'resource "google_storage_bucket" "b" {\n  name                        = "b"\n  uniform_bucket_level_access = false\n}\n',
      errors: [{ line: 3, column: 3 }],
    },
  ],
};

export default cases;
