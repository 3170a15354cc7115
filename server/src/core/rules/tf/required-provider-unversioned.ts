import type { TfRule } from '../types';
import { attr, children } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/required-provider-unversioned',
    title: 'Provider without a version constraint',
    severity: 'warning',
    category: 'maintainability',
    why: 'Without a version constraint `terraform init` installs the newest provider release, so a major upgrade with breaking changes can arrive on any fresh checkout or CI run and change or destroy infrastructure unexpectedly.',
    fix: 'Declare every provider under `terraform { required_providers { ... } }` with `source` and a `version` constraint such as `"~> 5.0"`, and commit `.terraform.lock.hcl`.',
    references: [
      {
        title: 'Terraform: provider requirements',
        url: 'https://developer.hashicorp.com/terraform/language/providers/requirements',
      },
      {
        title: 'Terraform: version constraints best practices',
        url: 'https://developer.hashicorp.com/terraform/language/expressions/version-constraints#best-practices',
      },
    ],
  },
  check(ctx) {
    const declared = new Set<string>();
    for (const tf of ctx.blocks('terraform')) {
      for (const rp of children(tf, 'required_providers')) {
        for (const a of rp.attributes) {
          declared.add(a.name);
          // The legacy form `aws = "~> 5.0"` is a constraint by itself.
          if (a.expr.kind !== 'object') continue;
          if (a.expr.entries?.some((e) => e.key === 'version')) continue;
          ctx.report(a, { message: `Required provider "${a.name}" has no version constraint.` });
        }
      }
    }
    const reported = new Set<string>();
    for (const p of ctx.blocks('provider')) {
      const name = p.labels[0] ?? '';
      // Terraform's built-in provider needs no constraint; the legacy in-block `version` is one.
      if (
        name === '' ||
        name === 'terraform' ||
        declared.has(name) ||
        reported.has(name) ||
        attr(p, 'version')
      )
        continue;
      reported.add(name);
      ctx.report(p, {
        message: `Provider "${name}" is not declared in required_providers with a version constraint.`,
      });
    }
  },
};

export default rule;
