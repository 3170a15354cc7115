import type { RuleCases } from '../cases';

const CONFIG = { '.bulwark.yaml': 'terraform:\n  requiredTags: [owner, env]\n' };

const cases: RuleCases = {
  valid: [
    {
      name: 'rule off without configured keys',
      code: 'resource "aws_instance" "i" {\n  ami = "ami-123"\n}\n',
    },
    {
      name: 'tags and default_tags together',
      code: [
        'provider "aws" {',
        '  default_tags {',
        '    tags = {',
        '      owner = "platform"',
        '    }',
        '  }',
        '}',
        '',
        'resource "aws_instance" "i" {',
        '  ami  = "ami-123"',
        '  tags = { env = "prod" }',
        '}',
        '',
      ].join('\n'),
      files: CONFIG,
    },
    {
      name: 'tags unknown',
      code: 'variable "tags" {}\n\nresource "aws_s3_bucket" "b" {\n  tags = var.tags\n}\n',
      files: CONFIG,
    },
    {
      name: 'untaggable resource',
      code: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n}\n',
      files: CONFIG,
    },
  ],
  invalid: [
    {
      name: 'no tags',
      code: 'resource "aws_instance" "i" {\n  ami = "ami-123"\n}\n',
      files: CONFIG,
      errors: [{ line: 1, column: 1, message: 'owner, env' }],
    },
    {
      name: 'merge with a local, one key missing',
      code: [
        'locals {',
        '  common = { owner = "platform" }',
        '}',
        '',
        'resource "aws_s3_bucket" "b" {',
        '  tags = merge(local.common, { Name = "b" })',
        '}',
        '',
      ].join('\n'),
      files: CONFIG,
      errors: [{ line: 6, column: 3, endColumn: 45, message: 'env' }],
    },
  ],
};

export default cases;
