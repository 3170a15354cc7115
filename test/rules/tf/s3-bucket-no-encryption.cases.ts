import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'terraform-aws-modules s3-bucket with an encryption configuration',
      code: [
        'module "ledger" {',
        '  source = "terraform-aws-modules/s3-bucket/aws"',
        '  bucket = "acme-ledger"',
        '',
        '  server_side_encryption_configuration = {',
        '    rule = {',
        '      apply_server_side_encryption_by_default = {',
        '        sse_algorithm = "aws:kms"',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'separate resource',
      code: [
        'resource "aws_s3_bucket" "b" {',
        '  bucket = "data"',
        '}',
        '',
        'resource "aws_s3_bucket_server_side_encryption_configuration" "b" {',
        '  bucket = aws_s3_bucket.b.bucket',
        '  rule {',
        '    apply_server_side_encryption_by_default {',
        '      sse_algorithm = "AES256"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'inline block (provider v3)',
      code: [
        'resource "aws_s3_bucket" "b" {',
        '  server_side_encryption_configuration {',
        '    rule {',
        '      apply_server_side_encryption_by_default {',
        '        sse_algorithm = "aws:kms"',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'linked by bucket name',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "data"\n}\n',
      files: {
        'enc.tf':
          'resource "aws_s3_bucket_server_side_encryption_configuration" "x" {\n  bucket = "data"\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'terraform-aws-modules s3-bucket without an encryption configuration',
      code: [
        'module "media" {',
        '  source = "terraform-aws-modules/s3-bucket/aws"',
        '  bucket = "acme-media"',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 1, column: 1, message: 'module "media"' }],
    },
    {
      name: 'no encryption configuration',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34, message: 'no server-side encryption' }],
      fixes: ['Add an S3 encryption configuration resource'],
    },
  ],
};

export default cases;
