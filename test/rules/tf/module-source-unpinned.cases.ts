import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'git:// and Mercurial sources pinned to releases',
      code: 'module "dns" {\n  source = "git://git.example.org/infra/dns.git?ref=v3.1.4"\n}\n\nmodule "queue" {\n  source = "hg::https://hg.example.org/queue?rev=r27"\n}\n',
    },
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
      name: 'git:// scheme without a ref',
      code: 'module "dns" {\n  source = "git://git.example.org/infra/dns.git"\n}\n',
      errors: [{ line: 2, column: 3, message: 'without a ref' }],
      fixes: ['Pin the module to a ref (placeholder)'],
    },
    {
      name: 'git:// scheme on the main branch',
      code: 'module "dns" {\n  source = "git://git.example.org/infra/dns.git//zones?ref=main"\n}\n',
      errors: [{ line: 2, column: 3, message: 'main' }],
    },
    {
      name: 'Mercurial source on its default branch',
      code: 'module "queue" {\n  source = "hg::https://hg.example.org/queue?rev=default"\n}\n',
      errors: [{ line: 2, column: 3, message: 'default' }],
    },
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
