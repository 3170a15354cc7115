import type { TfRule } from '../types';
import { asBool, attr, awsDoc, CIS_AWS, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/cloudtrail-not-multi-region',
    title: 'CloudTrail trail covers a single region',
    severity: 'warning',
    category: 'security',
    why: 'A single-region trail misses activity in every other region, which is exactly where an attacker spins up resources to stay unnoticed; global service events can also be lost. CIS AWS Foundations requires at least one multi-region trail.',
    fix: 'Set `is_multi_region_trail = true` (and keep `include_global_service_events = true`).',
    references: [
      awsDoc('aws_cloudtrail'),
      {
        title: 'AWS CloudTrail: receiving log files from multiple regions',
        url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    const trails = resources(ctx, 'aws_cloudtrail').filter((t) => !isDisabled(ctx, t));
    // One multi-region trail in the module satisfies the control; other trails may be narrow on purpose.
    if (trails.some((t) => asBool(known(ctx, attr(t, 'is_multi_region_trail')?.expr)) === true)) return;
    for (const trail of trails) {
      const a = attr(trail, 'is_multi_region_trail');
      if (!a)
        ctx.report(trail, {
          message: `CloudTrail trail "${trail.labels[1] ?? ''}" records a single region.`,
        });
      else if (asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, { message: `CloudTrail trail "${trail.labels[1] ?? ''}" records a single region.` });
      }
    }
  },
};

export default rule;
