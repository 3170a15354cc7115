import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    { name: 'local module', code: 'module "net" {\n  source = "./modules/net"\n}\n' },
    {
      name: 'registry with version',
      code: 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.8.1"\n}\n',
    },
    {
      name: 'git with a tag',
      code: 'module "x" {\n  source = "git::https://example.com/x.git?ref=v1.2.0"\n}\n',
    },
    {
      name: 'github with a commit',
      code: 'module "x" {\n  source = "github.com/org/x?ref=0c2f1a9e4b7d"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'registry without version',
      code: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  name   = "main"\n}\n',
      errors: [{ line: 2, column: 3, endColumn: 43, message: 'without a version' }],
      fixes: ['Add a version constraint (placeholder)'],
    },
    {
      name: 'git without ref',
      code: 'module "x" {\n  source = "git::https://example.com/x.git"\n}\n',
      errors: [{ line: 2, column: 3, message: 'without a ref' }],
      fixes: ['Pin the module to a ref (placeholder)'],
    },
    {
      name: 'git on a branch',
      code: 'module "x" {\n  source = "git@github.com:org/x.git?ref=main"\n}\n',
      errors: [{ line: 2, column: 3, message: 'branch "main"' }],
    },
  ],
};

export default cases;
