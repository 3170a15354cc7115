import type { TfRule } from '../types';
import { asBool, attr, awsDoc, CIS_AWS, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/cloudtrail-logging-disabled',
    title: 'CloudTrail logging is turned off',
    severity: 'error',
    category: 'security',
    why: 'A trail with `enable_logging = false` records nothing: API activity in the account, including an attacker covering their tracks, leaves no audit trail for investigation or alerting.',
    fix: 'Remove `enable_logging = false` (logging is on by default) or set it to `true`.',
    references: [
      awsDoc('aws_cloudtrail'),
      {
        title: 'AWS CloudTrail: creating a trail',
        url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    for (const trail of resources(ctx, 'aws_cloudtrail')) {
      if (isDisabled(ctx, trail)) continue;
      const a = attr(trail, 'enable_logging');
      if (a && asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, { message: `CloudTrail trail "${trail.labels[1] ?? ''}" has logging turned off.` });
      }
    }
  },
};

export default rule;
