import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'terraform-aws-modules rds with encryption on, or left to the module default',
      code: [
        'module "billing_db" {',
        '  source            = "terraform-aws-modules/rds/aws"',
        '  identifier        = "billing"',
        '  storage_encrypted = true',
        '}',
        '',
        'module "audit_db" {',
        '  source     = "terraform-aws-modules/rds/aws"',
        '  identifier = "audit"',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'encrypted',
      code: 'resource "aws_db_instance" "db" {\n  engine            = "mysql"\n  storage_encrypted = true\n}\n',
    },
    {
      name: 'read replica inherits',
      code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "enc" {}\n\nresource "aws_rds_cluster" "c" {\n  storage_encrypted = var.enc\n}\n',
    },
  ],
  invalid: [
    {
      name: 'terraform-aws-modules rds with encryption off',
      code: [
        'module "cache_db" {',
        '  source            = "terraform-aws-modules/rds/aws"',
        '  identifier        = "cache"',
        '  storage_encrypted = false',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 4, column: 3, message: 'module "cache_db" disables' }],
    },
    {
      name: 'missing',
      code: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n',
      errors: [{ line: 1, column: 1, endColumn: 34, message: 'does not enable' }],
    },
    {
      name: 'cluster set to false',
      code: 'resource "aws_rds_cluster" "c" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = false\n}\n',
      errors: [{ line: 3, column: 3, message: 'disables' }],
    },
  ],
};

export default cases;
