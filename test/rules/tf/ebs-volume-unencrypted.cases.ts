import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'encrypted',
      code: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n  encrypted         = true\n}\n',
    },
    {
      name: 'encryption by default for the account',
      code: 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\n\nresource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n}\n',
    },
    {
      name: 'volume covered by account-wide default encryption',
      code: [
        'resource "aws_ebs_encryption_by_default" "account" {',
        '  enabled = true',
        '}',
        '',
        'resource "aws_ebs_volume" "scratch" {',
        '  availability_zone = "eu-central-1b"',
        '  size              = 20',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n}\n',
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'false',
      code: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  encrypted         = false\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 28 }],
    },
    {
      name: 'account-wide default encryption turned off',
      code: ['resource "aws_ebs_encryption_by_default" "account" {', '  enabled = false', '}', ''].join('\n'),
      errors: [{ line: 2, column: 3 }],
    },
  ],
};

export default cases;
