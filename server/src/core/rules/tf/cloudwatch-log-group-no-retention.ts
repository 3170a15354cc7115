import type { TfRule } from '../types';
import { asNumber, attr, awsDoc, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/cloudwatch-log-group-no-retention',
    title: 'CloudWatch log group keeps logs forever',
    severity: 'info',
    category: 'cost',
    why: 'A log group without `retention_in_days` (or with 0) never expires its events: storage cost grows without bound and personal data in logs is kept longer than any policy allows.',
    fix: 'Set `retention_in_days` to the period your audit and debugging needs call for (e.g. 90, 365).',
    references: [
      awsDoc('aws_cloudwatch_log_group'),
      {
        title: 'Amazon CloudWatch Logs: change log data retention',
        url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
      },
    ],
  },
  check(ctx) {
    for (const g of resources(ctx, 'aws_cloudwatch_log_group')) {
      if (isDisabled(ctx, g)) continue;
      const name = g.labels[1] ?? '';
      const a = attr(g, 'retention_in_days');
      if (!a) ctx.report(g, { message: `Log group "${name}" sets no retention: its logs never expire.` });
      else if (asNumber(known(ctx, a.expr)) === 0) {
        ctx.report(a, { message: `Log group "${name}" keeps its logs forever (retention_in_days = 0).` });
      }
    }
  },
};

export default rule;
