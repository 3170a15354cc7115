import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'terraform-aws-modules s3-bucket with a private ACL, and a switched-off public one',
      code: [
        'module "docs" {',
        '  source = "terraform-aws-modules/s3-bucket/aws"',
        '  bucket = "acme-docs"',
        '  acl    = "private"',
        '}',
        '',
        'module "old_site" {',
        '  source        = "terraform-aws-modules/s3-bucket/aws"',
        '  create_bucket = false',
        '  bucket        = "acme-old-site"',
        '  acl           = "public-read"',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'private inline acl',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "my-bucket"\n  acl    = "private"\n}\n',
    },
    {
      name: 'private acl resource',
      code: 'resource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  acl    = "private"\n}\n',
    },
    {
      name: 'acl from a variable without default',
      code: 'variable "acl" {}\n\nresource "aws_s3_bucket" "b" {\n  acl = var.acl\n}\n',
    },
  ],
  invalid: [
    {
      name: 'terraform-aws-modules s3-bucket with a public ACL',
      code: [
        'module "dropbox" {',
        '  source = "terraform-aws-modules/s3-bucket/aws"',
        '  bucket = "acme-dropbox"',
        '  acl    = "public-read-write"',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 4, column: 3, message: 'public-read-write' }],
    },
    {
      name: 'inline public-read',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "my-bucket"\n  acl    = "public-read"\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 25, message: 'public-read' }],
    },
    {
      name: 'acl resource with public-read-write from a variable default',
      code: [
        'variable "acl" {',
        '  default = "public-read-write"',
        '}',
        '',
        'resource "aws_s3_bucket_acl" "b" {',
        '  bucket = aws_s3_bucket.b.id',
        '  acl    = var.acl',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 7, column: 3, message: 'public-read-write' }],
    },
    {
      name: 'grant to AllUsers in an access control policy',
      code: [
        'resource "aws_s3_bucket_acl" "b" {',
        '  bucket = aws_s3_bucket.b.id',
        '  access_control_policy {',
        '    grant {',
        '      grantee {',
        '        type = "Group"',
        '        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"',
        '      }',
        '      permission = "READ"',
        '    }',
        '    owner {',
        '      id = "abc"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 7, column: 9, message: 'everyone' }],
    },
  ],
};

export default cases;
