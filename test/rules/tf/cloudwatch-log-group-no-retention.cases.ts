import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'retention set',
      code: [
        'resource "aws_cloudwatch_log_group" "api" {',
        '  name              = "/app/api"',
        '  retention_in_days = 90',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'no retention',
      code: ['resource "aws_cloudwatch_log_group" "api" {', '  name = "/app/api"', '}', ''].join('\n'),
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'retention 0 through a variable default',
      code: [
        'variable "log_days" {',
        '  default = 0',
        '}',
        '',
        'resource "aws_cloudwatch_log_group" "api" {',
        '  name              = "/app/api"',
        '  retention_in_days = var.log_days',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 7, column: 3 }],
    },
  ],
};

export default cases;
