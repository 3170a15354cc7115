import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'terraform-aws-modules rds keeping a week of backups',
      code: [
        'module "events_db" {',
        '  source                  = "terraform-aws-modules/rds/aws"',
        '  identifier              = "events"',
        '  backup_retention_period = 7',
        '}',
        '',
      ].join('\n'),
    },
    { name: 'seven days', code: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\n' },
    { name: 'default', code: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n' },
  ],
  invalid: [
    {
      name: 'terraform-aws-modules rds with backups off',
      code: [
        'module "scratch_db" {',
        '  source                  = "terraform-aws-modules/rds/aws"',
        '  identifier              = "scratch"',
        '  backup_retention_period = 0',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 4, column: 3, message: 'module "scratch_db"' }],
    },
    {
      name: 'zero',
      code: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = 0\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 30 }],
    },
  ],
};

export default cases;
