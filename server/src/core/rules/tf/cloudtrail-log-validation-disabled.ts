import type { TfRule } from '../types';
import { asBool, attr, awsDoc, CIS_AWS, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/cloudtrail-log-validation-disabled',
    title: 'CloudTrail log file validation is off',
    severity: 'warning',
    category: 'security',
    why: 'Without log file validation nobody can prove that CloudTrail logs were not modified or deleted after delivery; an intruder with access to the log bucket can erase their tracks unnoticed. CIS AWS Foundations requires it.',
    fix: 'Set `enable_log_file_validation = true` on the trail.',
    references: [
      awsDoc('aws_cloudtrail'),
      {
        title: 'AWS CloudTrail: validating log file integrity',
        url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    for (const trail of resources(ctx, 'aws_cloudtrail')) {
      if (isDisabled(ctx, trail)) continue;
      const a = attr(trail, 'enable_log_file_validation');
      if (!a)
        ctx.report(trail, {
          message: `CloudTrail trail "${trail.labels[1] ?? ''}" does not validate its log files.`,
        });
      else if (asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, {
          message: `CloudTrail trail "${trail.labels[1] ?? ''}" has log file validation turned off.`,
        });
      }
    }
  },
};

export default rule;
