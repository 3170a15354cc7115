import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'multi-az',
      code: 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  multi_az = true\n}\n',
    },
    { name: 'aurora instance', code: 'resource "aws_db_instance" "db" {\n  engine = "aurora-mysql"\n}\n' },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n',
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'false',
      code: 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  multi_az = false\n}\n',
      errors: [{ line: 3, column: 3 }],
    },
  ],
};

export default cases;
