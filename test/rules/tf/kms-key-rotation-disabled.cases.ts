import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'rotation on',
      code: 'resource "aws_kms_key" "k" {\n  description         = "data"\n  enable_key_rotation = true\n}\n',
    },
    {
      name: 'asymmetric key cannot rotate',
      code: 'resource "aws_kms_key" "sign" {\n  key_usage                = "SIGN_VERIFY"\n  customer_master_key_spec = "RSA_2048"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_kms_key" "k" {\n  description = "data"\n}\n',
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'false',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n',
      errors: [{ line: 2, column: 3, message: 'turned off' }],
    },
  ],
};

export default cases;
