import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'private',
      code: 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n',
    },
    { name: 'default', code: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n' },
    {
      name: 'a public database in another file of the module is reported in that file only',
      files: {
        'db.tf':
          'resource "aws_db_instance" "shop" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n',
      },
      code: ['variable "region" {', '  default = "eu-west-1"', '}', ''].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'public instance',
      code: 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 29, message: 'publicly accessible' }],
    },
    {
      name: 'public aurora instance from a variable default',
      code: 'variable "public" {\n  default = true\n}\n\nresource "aws_rds_cluster_instance" "i" {\n  publicly_accessible = var.public\n}\n',
      errors: [{ line: 6, column: 3 }],
    },
  ],
};

export default cases;
