import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'multi-region',
      code: 'resource "aws_cloudtrail" "t" {\n  name                  = "main"\n  s3_bucket_name        = "trail-logs"\n  is_multi_region_trail = true\n}\n',
    },
    {
      name: 'another trail of the module is multi-region',
      code: 'resource "aws_cloudtrail" "data" {\n  name           = "data-events"\n  s3_bucket_name = "trail-logs"\n}\n',
      files: {
        'org.tf':
          'resource "aws_cloudtrail" "org" {\n  name                  = "org"\n  s3_bucket_name        = "trail-logs"\n  is_multi_region_trail = true\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_cloudtrail" "t" {\n  name           = "main"\n  s3_bucket_name = "trail-logs"\n}\n',
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'false',
      code: 'resource "aws_cloudtrail" "t" {\n  name                  = "main"\n  is_multi_region_trail = false\n}\n',
      errors: [{ line: 3, column: 3 }],
    },
  ],
};

export default cases;
