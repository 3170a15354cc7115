import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'seven days', code: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\n' },
    { name: 'default', code: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n' },
  ],
  invalid: [
    {
      name: 'zero',
      code: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = 0\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 30 }],
    },
  ],
};

export default cases;
