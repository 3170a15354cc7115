import type { RuleCases } from '../cases';

const FULL = [
  'resource "aws_s3_bucket_public_access_block" "b" {',
  '  bucket                  = aws_s3_bucket.b.id',
  '  block_public_acls       = true',
  '  block_public_policy     = true',
  '  ignore_public_acls      = true',
  '  restrict_public_buckets = true',
  '}',
].join('\n');

const cases: RuleCases = {
  valid: [
    {
      name: 'bucket with a full block',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\n\n${FULL}\n`,
    },
    {
      name: 'block in another file',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\n',
      files: { 's3.tf': FULL },
    },
    {
      name: 'account-wide block',
      code: [
        'resource "aws_s3_account_public_access_block" "all" {',
        '  block_public_acls       = true',
        '  block_public_policy     = true',
        '  ignore_public_acls      = true',
        '  restrict_public_buckets = true',
        '}',
        '',
        'resource "aws_s3_bucket" "b" {}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'no block',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 31, message: 'no public access block' }],
    },
    {
      name: 'block with a flag off and one unset',
      code: [
        'resource "aws_s3_bucket" "b" {}',
        '',
        'resource "aws_s3_bucket_public_access_block" "b" {',
        '  bucket              = aws_s3_bucket.b.id',
        '  block_public_acls   = true',
        '  block_public_policy = false',
        '  ignore_public_acls  = true',
        '}',
        '',
      ].join('\n'),
      errors: [
        { line: 3, column: 1, message: 'restrict_public_buckets' },
        { line: 6, column: 3, endColumn: 30, message: 'block_public_policy' },
      ],
    },
  ],
};

export default cases;
