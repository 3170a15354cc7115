import type { TfBlock } from '../../terraform/model';
import type { TfRuleContext } from '../types';
import { asBool, attr, isDisabled, known } from './helpers';

/**
 * The community modules terraform-aws-modules/<name> (s3-bucket, rds, ...) wrap a resource and
 * its companions behind plain inputs; many configurations create their buckets and databases
 * only through them, so the rules read those inputs too. Only inputs whose meaning is the same
 * in every major version are judged: defaults that changed between versions are not.
 */
function sourcePattern(name: string): RegExp {
  return new RegExp(
    `^(?:terraform-aws-modules/${name}/aws|(?:git::)?(?:https://|ssh://git@|git@)?github\\.com[/:]terraform-aws-modules/terraform-aws-${name})(?:$|[/?.#])`,
  );
}

const PATTERNS = new Map<string, RegExp>();

/**
 * Calls of terraform-aws-modules/<name> that create their resource: `createFlag` (such as
 * `create_bucket`) set to false, or a count of 0, switches them off.
 */
export function registryModules(ctx: TfRuleContext, name: string, createFlag: string): TfBlock[] {
  let pattern = PATTERNS.get(name);
  if (!pattern) PATTERNS.set(name, (pattern = sourcePattern(name)));
  const re = pattern;
  return ctx.blocks('module').filter((m) => {
    const source = known(ctx, attr(m, 'source')?.expr);
    if (typeof source !== 'string' || !re.test(source.trim())) return false;
    if (isDisabled(ctx, m)) return false;
    const create = attr(m, createFlag);
    return !create || asBool(known(ctx, create.expr)) !== false;
  });
}

export function s3BucketModules(ctx: TfRuleContext): TfBlock[] {
  return registryModules(ctx, 's3-bucket', 'create_bucket');
}

export function rdsModules(ctx: TfRuleContext): TfBlock[] {
  return registryModules(ctx, 'rds', 'create_db_instance');
}

export function moduleName(m: TfBlock): string {
  return m.labels[0] ?? '';
}
