import type { TfRule } from '../types';
import { asBool, attr, awsDoc, CIS_AWS, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/ebs-volume-unencrypted',
    title: 'EBS volume is not encrypted',
    severity: 'warning',
    category: 'security',
    why: 'An unencrypted EBS volume, and every snapshot taken of it, holds data in clear: a snapshot shared by mistake or copied by an attacker exposes it. Encryption has no noticeable performance cost.',
    fix: 'Set `encrypted = true` (optionally with `kms_key_id`), or turn on EBS encryption by default for the account and region with `aws_ebs_encryption_by_default`.',
    references: [
      awsDoc('aws_ebs_volume'),
      {
        title: 'Amazon EBS encryption',
        url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    // Account-level default encryption covers volumes that do not say otherwise.
    const byDefault = resources(ctx, 'aws_ebs_encryption_by_default').some((r) => {
      const enabled = attr(r, 'enabled');
      return !enabled || asBool(known(ctx, enabled.expr)) === true;
    });
    for (const r of resources(ctx, 'aws_ebs_encryption_by_default')) {
      const enabled = attr(r, 'enabled');
      if (enabled && !isDisabled(ctx, r) && asBool(known(ctx, enabled.expr)) === false) {
        ctx.report(enabled, {
          message: 'EBS encryption by default is turned off for the account and region.',
        });
      }
    }
    for (const vol of resources(ctx, 'aws_ebs_volume')) {
      if (isDisabled(ctx, vol)) continue;
      const a = attr(vol, 'encrypted');
      if (!a) {
        // A volume restored from a snapshot inherits the snapshot's encryption.
        if (byDefault || attr(vol, 'snapshot_id') || attr(vol, 'kms_key_id')) continue;
        ctx.report(vol, { message: `EBS volume "${vol.labels[1] ?? ''}" is not encrypted.` });
      } else if (asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, { message: `EBS volume "${vol.labels[1] ?? ''}" is not encrypted.` });
      }
    }
  },
};

export default rule;
