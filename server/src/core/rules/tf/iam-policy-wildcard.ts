import type { TfExpr, TfValue } from '../../terraform/model';
import type { Range } from '../../types';
import type { TfRule, TfRuleContext } from '../types';
import {
  asStrings,
  attr,
  awsDoc,
  children,
  CIS_AWS,
  isDisabled,
  known,
  nestedBlocks,
  reportIn,
  resources,
} from './helpers';

const POLICY_RESOURCES = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
];

function isDict(v: TfValue | undefined): v is { [key: string]: TfValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An Allow statement granting every action on every resource. */
function isAdminStatement(s: TfValue | undefined): boolean {
  if (!isDict(s)) return false;
  const effect = s['Effect'] ?? s['effect'];
  if (typeof effect !== 'string' || effect !== 'Allow') return false;
  const actions = asStrings(s['Action'] ?? s['action']);
  const res = asStrings(s['Resource'] ?? s['resource']);
  return !!actions?.includes('*') && !!res?.includes('*');
}

function statementsOf(doc: TfValue | undefined): TfValue[] {
  if (!isDict(doc)) return [];
  const st = doc['Statement'];
  return Array.isArray(st) ? st : st !== undefined ? [st] : [];
}

/**
 * Text of a JSON policy string. Interpolations that cannot be evaluated (an ARN of another
 * resource) become a placeholder: they can never turn into `"*"`, so the other statements can
 * still be judged.
 */
function policyText(ctx: TfRuleContext, expr: TfExpr): string | undefined {
  const v = known(ctx, expr);
  if (typeof v === 'string') return v;
  if (expr.kind !== 'template' || !expr.parts) return undefined;
  return expr.parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const x = known(ctx, p);
      return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'
        ? String(x)
        : '__unknown__';
    })
    .join('');
}

/**
 * Ranges of admin statements of a policy expression: per statement inside `jsonencode({...})`
 * (so a partly unknown policy still counts), else the whole expression for a JSON string.
 */
function adminStatements(ctx: TfRuleContext, expr: TfExpr, depth = 0): Range[] {
  // `policy = local.x` where the local is a jsonencode(...) the evaluator cannot run: judge the
  // local's expression, reporting at the attribute that uses it.
  const local = depth < 4 ? localExpr(ctx, expr) : undefined;
  if (local) return adminStatements(ctx, local, depth + 1).length > 0 ? [expr.range] : [];
  if (expr.kind === 'call' && expr.callee === 'jsonencode' && expr.args?.length === 1) {
    const arg = expr.args[0] as TfExpr;
    const statement = arg.entries?.find((e) => e.key === 'Statement')?.value;
    if (!statement) return [];
    const items = statement.kind === 'tuple' ? (statement.items ?? []) : [statement];
    return items
      .filter((item) => isAdminStatement(known(ctx, item)))
      .map((item) => item.entries?.find((e) => e.key === 'Action')?.value.range ?? item.range);
  }
  const v = policyText(ctx, expr);
  if (v === undefined) return [];
  let doc: TfValue | undefined;
  try {
    doc = JSON.parse(v) as TfValue;
  } catch {
    return [];
  }
  return statementsOf(doc).some(isAdminStatement) ? [expr.range] : [];
}

function localExpr(ctx: TfRuleContext, expr: TfExpr): TfExpr | undefined {
  if (expr.kind !== 'reference' || expr.steps?.length !== 1) return undefined;
  const m = /^local\.([\w-]+)$/.exec(expr.text.trim());
  if (!m) return undefined;
  for (const block of ctx.blocks('locals')) {
    const a = attr(block, m[1] ?? '');
    if (a) return a.expr.kind === 'call' ? a.expr : undefined;
  }
  return undefined;
}

const MESSAGE = 'The policy allows every action ("*") on every resource ("*").';

const rule: TfRule = {
  meta: {
    id: 'tf/iam-policy-wildcard',
    title: 'IAM policy allows * on *',
    severity: 'error',
    category: 'security',
    why: 'A statement allowing `Action: "*"` on `Resource: "*"` is full administrator access: whoever holds the role, user or group can read every secret, delete every resource and grant themselves anything else.',
    fix: 'List the specific actions and resource ARNs the principal needs (least privilege); use AWS managed job-function policies or IAM Access Analyzer policy generation to find them.',
    references: [
      awsDoc('aws_iam_policy'),
      {
        title: 'Terraform AWS provider: aws_iam_policy_document',
        url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document',
      },
      {
        title: 'AWS IAM: security best practices (least privilege)',
        url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    const policies = POLICY_RESOURCES.flatMap((t) => resources(ctx, t)).map((b) => ({
      b,
      a: attr(b, 'policy'),
    }));
    for (const role of resources(ctx, 'aws_iam_role')) {
      for (const inline of children(role, 'inline_policy'))
        policies.push({ b: role, a: attr(inline, 'policy') });
    }
    for (const { b, a } of policies) {
      if (!a || isDisabled(ctx, b)) continue;
      for (const range of adminStatements(ctx, a.expr)) reportIn(ctx, b, range, { message: MESSAGE });
    }
    for (const doc of ctx.blocks('data', 'aws_iam_policy_document')) {
      for (const st of nestedBlocks(ctx, doc, 'statement')) {
        const effect = attr(st, 'effect');
        if (effect && known(ctx, effect.expr) !== 'Allow') continue;
        const actions = attr(st, 'actions');
        const res = attr(st, 'resources');
        if (!actions || !res) continue;
        if (
          asStrings(known(ctx, actions.expr))?.includes('*') &&
          asStrings(known(ctx, res.expr))?.includes('*')
        ) {
          ctx.report(actions, { message: MESSAGE });
        }
      }
    }
  },
};

export default rule;
