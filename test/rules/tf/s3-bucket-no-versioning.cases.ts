import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'versioning resource',
      code: [
        'resource "aws_s3_bucket" "b" {',
        '  bucket = "data"',
        '}',
        '',
        'resource "aws_s3_bucket_versioning" "b" {',
        '  bucket = aws_s3_bucket.b.id',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
    { name: 'inline versioning', code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\n' },
    {
      name: 'bucket with count, versioning by index',
      code: [
        'resource "aws_s3_bucket" "b" {',
        '  count  = 2',
        '  bucket = "data-${count.index}"',
        '}',
        '',
        'resource "aws_s3_bucket_versioning" "b" {',
        '  count  = 2',
        '  bucket = aws_s3_bucket.b[count.index].id',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'no versioning',
      code: '# logs\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs" # name\n}\n\noutput "arn" {\n  value = aws_s3_bucket.logs.arn\n}\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 34, message: 'no versioning' }],
      fixes: ['Add an S3 versioning resource'],
    },
    {
      name: 'suspended',
      code: [
        'resource "aws_s3_bucket" "b" {}',
        '',
        'resource "aws_s3_bucket_versioning" "b" {',
        '  bucket = aws_s3_bucket.b.id',
        '  versioning_configuration {',
        '    status = "Suspended"',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 6, column: 5, endColumn: 25, message: 'Suspended' }],
    },
    {
      name: 'inline disabled',
      code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 3, column: 5 }],
    },
  ],
};

export default cases;
