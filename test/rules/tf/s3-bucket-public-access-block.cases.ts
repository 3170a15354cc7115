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
      name: 'terraform-aws-modules s3-bucket keeping the public access block',
      code: [
        'module "vault" {',
        '  source            = "terraform-aws-modules/s3-bucket/aws"',
        '  bucket            = "acme-vault"',
        '  block_public_acls = true',
        '}',
        '',
      ].join('\n'),
    },
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
      name: 'terraform-aws-modules s3-bucket opting out of the public access block',
      code: [
        'module "cdn_origin" {',
        '  source                  = "terraform-aws-modules/s3-bucket/aws"',
        '  bucket                  = "acme-cdn-origin"',
        '  restrict_public_buckets = false',
        '}',
        '',
        'module "open_data" {',
        '  source               = "terraform-aws-modules/s3-bucket/aws"',
        '  bucket               = "acme-open-data"',
        '  attach_public_policy = false',
        '}',
        '',
      ].join('\n'),
      errors: [
        { line: 4, column: 3, message: 'restrict_public_buckets to false' },
        { line: 10, column: 3, message: 'creates no public access block' },
      ],
    },
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
