import type { TfRule } from '../types';
import { known } from './helpers';

/** Provider arguments that hold a secret, by provider (any provider for the generic names). */
const SECRET_ARGS: Record<string, string[]> = {
  '*': ['access_key', 'secret_key', 'token', 'password', 'client_secret', 'api_key', 'api_token', 'secret'],
  google: ['credentials', 'access_token'],
  azurerm: ['client_certificate_password'],
};

const rule: TfRule = {
  meta: {
    id: 'tf/provider-hardcoded-credentials',
    title: 'Hard-coded credentials in a provider block',
    severity: 'error',
    category: 'security',
    why: 'Credentials written into .tf files (or as variable defaults) end up in version control, CI logs and every copy of the repository, and are rarely rotated afterwards.',
    fix: 'Remove the argument and let the provider read credentials from its environment (e.g. AWS_ACCESS_KEY_ID / AWS_PROFILE, ARM_CLIENT_SECRET, GOOGLE_APPLICATION_CREDENTIALS), an instance or workload identity, or a variable marked `sensitive` without a default.',
    references: [
      {
        title: 'Terraform AWS provider: authentication and configuration',
        url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration',
      },
      {
        title: 'Terraform AzureRM provider: authenticating',
        url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs#authenticating-to-azure',
      },
      {
        title: 'Terraform Google provider: authentication',
        url: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/provider_reference#authentication',
      },
      {
        title: 'OWASP Secrets Management Cheat Sheet',
        url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
      },
    ],
  },
  check(ctx) {
    for (const p of ctx.blocks('provider')) {
      const names = new Set([...(SECRET_ARGS['*'] ?? []), ...(SECRET_ARGS[p.labels[0] ?? ''] ?? [])]);
      for (const a of p.attributes) {
        if (!names.has(a.name)) continue;
        // `credentials = file("key.json")` reads a file at plan time: not a literal secret.
        const v = known(ctx, a.expr);
        if (typeof v !== 'string' || v.trim() === '') continue;
        if (a.name === 'credentials' && !v.trim().startsWith('{')) continue;
        ctx.report(a, { message: `Provider "${p.labels[0] ?? ''}" has a hard-coded ${a.name}.` });
      }
    }
  },
};

export default rule;
