import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'point-in-time recovery on',
      code: [
        'resource "aws_dynamodb_table" "orders" {',
        '  name         = "orders"',
        '  billing_mode = "PAY_PER_REQUEST"',
        '  hash_key     = "order_id"',
        '',
        '  attribute {',
        '    name = "order_id"',
        '    type = "S"',
        '  }',
        '',
        '  point_in_time_recovery {',
        '    enabled = true',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'no point_in_time_recovery block',
      code: [
        'resource "aws_dynamodb_table" "sessions" {',
        '  name         = "sessions"',
        '  billing_mode = "PAY_PER_REQUEST"',
        '  hash_key     = "sid"',
        '',
        '  attribute {',
        '    name = "sid"',
        '    type = "S"',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'point-in-time recovery turned off',
      code: [
        'resource "aws_dynamodb_table" "sessions" {',
        '  name     = "sessions"',
        '  hash_key = "sid"',
        '',
        '  attribute {',
        '    name = "sid"',
        '    type = "S"',
        '  }',
        '',
        '  point_in_time_recovery {',
        '    enabled = false',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 11, column: 5 }],
    },
  ],
};

export default cases;
