import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'terraform-aws-modules rds kept private',
      code: [
        'module "orders_db" {',
        '  source              = "terraform-aws-modules/rds/aws"',
        '  identifier          = "orders"',
        '  engine              = "postgres"',
        '  publicly_accessible = false',
        '}',
        '',
      ].join('\n'),
    },
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
      name: 'terraform-aws-modules rds made public',
      code: [
        'module "crm_db" {',
        '  source              = "terraform-aws-modules/rds/aws"',
        '  version             = "6.10.0"',
        '  identifier          = "crm"',
        '  publicly_accessible = true',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 5, column: 3, message: 'module "crm_db"' }],
    },
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
