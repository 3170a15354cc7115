import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
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
