import type { TfBlock, TfExpr, TfValue } from '../../terraform/model';
import type { TfRule, TfRuleContext } from '../types';
import { attr, awsDoc, children, isDisabled, known } from './helpers';

/** AWS resource types that accept `tags`; other types count when they set `tags`. */
const TAGGABLE = new Set(
  [
    'acm_certificate',
    'ami',
    'api_gateway_rest_api',
    'apigatewayv2_api',
    'athena_workgroup',
    'cloudfront_distribution',
    'cloudtrail',
    'cloudwatch_log_group',
    'cloudwatch_metric_alarm',
    'codebuild_project',
    'db_instance',
    'db_subnet_group',
    'dynamodb_table',
    'ebs_volume',
    'ecr_repository',
    'ecs_cluster',
    'ecs_service',
    'ecs_task_definition',
    'efs_file_system',
    'eip',
    'eks_cluster',
    'eks_node_group',
    'elasticache_cluster',
    'elasticache_replication_group',
    'elasticsearch_domain',
    'emr_cluster',
    'glue_job',
    'iam_policy',
    'iam_role',
    'iam_user',
    'instance',
    'internet_gateway',
    'key_pair',
    'kinesis_stream',
    'kms_key',
    'lambda_function',
    'launch_template',
    'lb',
    'alb',
    'lb_target_group',
    'nat_gateway',
    'network_interface',
    'opensearch_domain',
    'rds_cluster',
    'redshift_cluster',
    'route53_zone',
    'route_table',
    's3_bucket',
    'secretsmanager_secret',
    'security_group',
    'sfn_state_machine',
    'sns_topic',
    'sqs_queue',
    'ssm_parameter',
    'subnet',
    'vpc',
    'vpc_endpoint',
    'wafv2_web_acl',
  ].map((t) => `aws_${t}`),
);

/** Keys of a tags expression; `merge(...)` of known maps is understood. Undefined when unknown. */
function tagKeys(ctx: TfRuleContext, expr: TfExpr): string[] | undefined {
  if (expr.kind === 'call' && expr.callee === 'merge') {
    const out: string[] = [];
    for (const arg of expr.args ?? []) {
      const keys = tagKeys(ctx, arg);
      if (!keys) return undefined;
      out.push(...keys);
    }
    return out;
  }
  const v: TfValue | undefined = known(ctx, expr);
  if (v === null) return [];
  return typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : undefined;
}

/** `default_tags` of the provider configuration a resource uses. Undefined when unknown. */
function defaultTags(ctx: TfRuleContext, resource: TfBlock): string[] | undefined {
  const ref = attr(resource, 'provider')?.expr.references[0]?.name;
  const alias = ref?.split('.')[1];
  const provider = ctx
    .blocks('provider', 'aws')
    .find((p) => (alias ? known(ctx, attr(p, 'alias')?.expr) === alias : !attr(p, 'alias')));
  if (!provider) return [];
  const dt = children(provider, 'default_tags')[0];
  const tags = dt && attr(dt, 'tags');
  return tags ? tagKeys(ctx, tags.expr) : [];
}

const rule: TfRule = {
  meta: {
    id: 'tf/missing-required-tags',
    title: 'Resource lacks required tags',
    severity: 'warning',
    category: 'operability',
    why: 'Tags such as owner, environment and cost centre are how teams attribute cost, find who to call in an incident and scope automation and access policies. Which keys are required is an organisation decision: the rule is off until `.bulwark.yaml` lists them under `terraform.requiredTags`.',
    fix: 'Add the missing keys to the resource `tags`, or once for all resources with `default_tags { tags = { ... } }` in the AWS provider block.',
    references: [
      {
        title: 'AWS: tagging best practices',
        url: 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html',
      },
      {
        title: 'Terraform AWS provider: default_tags',
        url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#default_tags-configuration-block',
      },
      awsDoc('aws_instance'),
    ],
  },
  check(ctx) {
    const required = ctx.config?.terraform?.requiredTags ?? [];
    if (required.length === 0) return;
    for (const r of ctx.blocks('resource')) {
      const type = r.labels[0] ?? '';
      const tags = attr(r, 'tags');
      if (!type.startsWith('aws_') || (!tags && !TAGGABLE.has(type)) || isDisabled(ctx, r)) continue;
      const own = tags ? tagKeys(ctx, tags.expr) : [];
      const inherited = defaultTags(ctx, r);
      if (!own || !inherited) continue;
      const have = new Set([...own, ...inherited]);
      const missing = required.filter((k) => !have.has(k));
      if (missing.length === 0) continue;
      ctx.report(tags ?? r, {
        message: `${type} "${r.labels[1] ?? ''}" lacks the required tags: ${missing.join(', ')}.`,
      });
    }
  },
};

export default rule;
