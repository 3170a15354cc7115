import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'tokens required',
      code: 'resource "aws_instance" "i" {\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    },
    {
      name: 'metadata endpoint disabled',
      code: 'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'no metadata options',
      code: 'resource "aws_instance" "i" {\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n}\n',
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'optional tokens',
      code: 'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "optional"\n  }\n}\n',
      errors: [{ line: 4, column: 5, message: 'optional' }],
    },
  ],
};

export default cases;
