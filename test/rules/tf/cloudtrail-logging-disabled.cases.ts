import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'default on',
      code: 'resource "aws_cloudtrail" "t" {\n  name           = "main"\n  s3_bucket_name = "trail-logs"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'logging off',
      code: 'resource "aws_cloudtrail" "t" {\n  name           = "main"\n  s3_bucket_name = "trail-logs"\n  enable_logging = false\n}\n',
      errors: [{ line: 4, column: 3, endColumn: 25 }],
    },
  ],
};

export default cases;
