import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'constrained',
      code: 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n',
    },
    { name: 'legacy string form', code: 'terraform {\n  required_providers {\n    aws = "~> 5.0"\n  }\n}\n' },
    {
      name: 'declared in another file',
      code: 'provider "aws" {\n  region = "eu-west-1"\n}\n',
      files: {
        'versions.tf':
          'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 5.0"\n    }\n  }\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no version',
      code: 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 5, endColumn: 6, message: '"aws"' }],
    },
    {
      name: 'provider not declared at all',
      code: 'provider "google" {\n  project = "p"\n}\n',
      errors: [{ line: 1, column: 1, message: 'not declared' }],
    },
  ],
};

export default cases;
