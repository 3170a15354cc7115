import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'profile', code: 'provider "aws" {\n  region  = "eu-west-1"\n  profile = "prod"\n}\n' },
    {
      name: 'variables without defaults',
      code: 'variable "key" {}\n\nprovider "aws" {\n  access_key = var.key\n}\n',
    },
    { name: 'credentials file', code: 'provider "google" {\n  credentials = file("account.json")\n}\n' },
  ],
  invalid: [
    {
      name: 'aws keys',
      code: [
        'provider "aws" {',
        '  region     = "us-east-1"',
        '  access_key = "AKIAIOSFODNN7EXAMPLE"',
        '  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
        '}',
        '',
      ].join('\n'),
      errors: [
        { line: 3, column: 3, endColumn: 38, message: 'access_key' },
        { line: 4, column: 3, message: 'secret_key' },
      ],
    },
    {
      name: 'azure client secret from a variable default',
      code: 'variable "secret" {\n  default = "s3cr3t-value"\n}\n\nprovider "azurerm" {\n  features {}\n  client_secret = var.secret\n}\n',
      errors: [{ line: 7, column: 3 }],
    },
  ],
};

export default cases;
