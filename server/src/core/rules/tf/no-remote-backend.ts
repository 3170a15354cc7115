import type { TfRule } from '../types';
import { children } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/no-remote-backend',
    title: 'Root module without a remote backend',
    severity: 'warning',
    category: 'operability',
    why: 'Without a remote backend the state stays in a local terraform.tfstate: it is not shared with the team, not locked against concurrent applies, easily lost with a laptop, and holds secrets in clear on disk.',
    fix: 'Add `terraform { backend "s3" { ... } }` (with `use_lockfile = true` or a DynamoDB table), `backend "azurerm"`, `backend "gcs"`, or a `cloud {}` block for HCP Terraform. A folder is taken as a root module when it configures a provider and declares resources; reusable modules should not configure providers.',
    references: [
      {
        title: 'Terraform: backend configuration',
        url: 'https://developer.hashicorp.com/terraform/language/backend',
      },
      {
        title: 'Terraform: state locking',
        url: 'https://developer.hashicorp.com/terraform/language/state/locking',
      },
      {
        title: 'Terraform: HCP Terraform settings (cloud block)',
        url: 'https://developer.hashicorp.com/terraform/language/terraform#terraform-cloud',
      },
    ],
  },
  check(ctx) {
    const providers = ctx.blocks('provider');
    if (providers.length === 0) return;
    if (ctx.blocks('resource').length + ctx.blocks('module').length === 0) return;
    for (const tf of ctx.blocks('terraform')) {
      if (children(tf, 'cloud').length > 0) return;
      const backend = children(tf, 'backend')[0];
      if (!backend) continue;
      if (backend.labels[0] === 'local') {
        ctx.report(backend, { message: 'The backend is local: state is neither shared nor locked.' });
      }
      return;
    }
    // One finding per folder, on its first provider block.
    const first = providers[0];
    if (first)
      ctx.report(first, { message: 'This root module has no remote backend: state is local and unlocked.' });
  },
};

export default rule;
