import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 's3 backend in another file',
      code: 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "b" {}\n',
      files: {
        'backend.tf':
          'terraform {\n  backend "s3" {\n    bucket       = "state"\n    key          = "app.tfstate"\n    region       = "eu-west-1"\n    use_lockfile = true\n  }\n}\n',
      },
    },
    {
      name: 'cloud block',
      code: 'terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n\nprovider "aws" {}\n\nresource "aws_s3_bucket" "b" {}\n',
    },
    { name: 'reusable module without providers', code: 'resource "aws_s3_bucket" "b" {}\n' },
  ],
  invalid: [
    {
      name: 'no backend',
      code: 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "b" {}\n',
      errors: [{ line: 1, column: 1, endColumn: 17, message: 'no remote backend' }],
    },
    {
      name: 'local backend',
      code: 'terraform {\n  backend "local" {\n    path = "state/terraform.tfstate"\n  }\n}\n\nprovider "aws" {}\n\nresource "aws_s3_bucket" "b" {}\n',
      errors: [{ line: 2, column: 3, message: 'local' }],
    },
  ],
};

export default cases;
