import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'validation on',
      code: 'resource "aws_cloudtrail" "t" {\n  name                       = "main"\n  s3_bucket_name             = "trail-logs"\n  enable_log_file_validation = true\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_cloudtrail" "t" {\n  name           = "main"\n  s3_bucket_name = "trail-logs"\n}\n',
      errors: [{ line: 1, column: 1, endColumn: 32 }],
    },
    {
      name: 'false',
      code: 'resource "aws_cloudtrail" "t" {\n  enable_log_file_validation = false\n}\n',
      errors: [{ line: 2, column: 3, message: 'turned off' }],
    },
  ],
};

export default cases;
