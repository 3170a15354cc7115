import type { TfRule } from '../types';
import { asBool, attrAt, awsDoc, children, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/dynamodb-pitr-disabled',
    title: 'DynamoDB table without point-in-time recovery',
    severity: 'warning',
    category: 'reliability',
    why: 'Without point-in-time recovery a table written wrongly (a bad deploy, a buggy migration, a deleted item) can only go back to the last on-demand backup, if there is one; with it, to any second of the last 35 days.',
    fix: 'Add `point_in_time_recovery { enabled = true }` to the table.',
    references: [
      awsDoc('aws_dynamodb_table'),
      {
        title: 'Amazon DynamoDB: point-in-time recovery',
        url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
      },
    ],
  },
  check(ctx) {
    for (const t of resources(ctx, 'aws_dynamodb_table')) {
      if (isDisabled(ctx, t)) continue;
      const name = t.labels[1] ?? '';
      const block = children(t, 'point_in_time_recovery')[0];
      const enabled = attrAt(t, 'point_in_time_recovery', 'enabled');
      if (!block) ctx.report(t, { message: `DynamoDB table "${name}" has no point-in-time recovery.` });
      else if (!enabled)
        ctx.report(block, { message: `DynamoDB table "${name}" leaves point-in-time recovery off.` });
      else if (asBool(known(ctx, enabled.expr)) === false) {
        ctx.report(enabled, { message: `DynamoDB table "${name}" has point-in-time recovery turned off.` });
      }
    }
  },
};

export default rule;
