import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'service account member',
      code: 'resource "google_storage_bucket_iam_member" "m" {\n  bucket = "b"\n  role   = "roles/storage.objectViewer"\n  member = "serviceAccount:app@p.iam.gserviceaccount.com"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'allUsers member',
      code: 'resource "google_storage_bucket_iam_member" "m" {\n  bucket = "b"\n  role   = "roles/storage.objectViewer"\n  member = "allUsers"\n}\n',
      errors: [{ line: 4, column: 3, endColumn: 22, message: 'allUsers' }],
    },
    {
      name: 'binding with allAuthenticatedUsers',
      code: 'resource "google_storage_bucket_iam_binding" "b" {\n  bucket  = "b"\n  role    = "roles/storage.objectViewer"\n  members = ["user:a@example.com", "allAuthenticatedUsers"]\n}\n',
      errors: [{ line: 4, column: 3, message: 'allAuthenticatedUsers' }],
    },
  ],
};

export default cases;
