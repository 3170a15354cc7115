import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'private endpoint',
      code: [
        'resource "aws_eks_cluster" "c" {',
        '  name     = "c"',
        '  role_arn = "arn:aws:iam::123456789012:role/eks"',
        '  vpc_config {',
        '    subnet_ids              = ["subnet-1"]',
        '    endpoint_private_access = true',
        '    endpoint_public_access  = false',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'public but restricted',
      code: [
        'resource "aws_eks_cluster" "c" {',
        '  vpc_config {',
        '    subnet_ids          = ["subnet-1"]',
        '    public_access_cidrs = ["203.0.113.0/24"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'default public endpoint',
      code: 'resource "aws_eks_cluster" "c" {\n  name = "c"\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 15 }],
    },
    {
      name: 'explicit public with open cidrs',
      code: [
        'resource "aws_eks_cluster" "c" {',
        '  vpc_config {',
        '    endpoint_public_access = true',
        '    public_access_cidrs    = ["0.0.0.0/0"]',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 4, column: 5 }],
    },
  ],
};

export default cases;
