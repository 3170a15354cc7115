import type { TfBlock } from '../../terraform/model';
import type { TfRule, TfRuleContext } from '../types';
import { asBool, attr, awsDoc, children, CIS_AWS, eachBlock, isDisabled, known, resources } from './helpers';

/** Block devices an instance, launch configuration or launch template declares. */
function blockDevices(type: string, r: TfBlock): TfBlock[] {
  if (type === 'aws_launch_template') {
    return children(r, 'block_device_mappings').flatMap((m) => children(m, 'ebs'));
  }
  return [...children(r, 'root_block_device'), ...children(r, 'ebs_block_device')];
}

function encryptedByDefault(ctx: TfRuleContext): boolean {
  return resources(ctx, 'aws_ebs_encryption_by_default').some((r) => {
    const enabled = attr(r, 'enabled');
    return !isDisabled(ctx, r) && (!enabled || asBool(known(ctx, enabled.expr)) === true);
  });
}

const rule: TfRule = {
  meta: {
    id: 'tf/ec2-block-device-unencrypted',
    title: 'EC2 block device is not encrypted',
    severity: 'warning',
    category: 'security',
    why: 'The root and data volumes of an instance (or of every instance an Auto Scaling group starts from a launch configuration or template) hold the operating system, application data and often credentials; unencrypted, they and their snapshots are readable by whoever obtains a copy.',
    fix: 'Set `encrypted = true` in each `root_block_device`, `ebs_block_device` or launch template `ebs` block (optionally with `kms_key_id`), or enable `aws_ebs_encryption_by_default` for the account and region.',
    references: [
      awsDoc('aws_instance'),
      awsDoc('aws_launch_template'),
      {
        title: 'Amazon EBS encryption',
        url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    const byDefault = encryptedByDefault(ctx);
    for (const type of ['aws_instance', 'aws_launch_configuration', 'aws_launch_template']) {
      // Per instance, remembered apart for each answer of the account default (the check uses it).
      eachBlock(ctx, `${type}:${byDefault}`, resources(ctx, type), (r) => {
        if (isDisabled(ctx, r)) return;
        const name = r.labels[1] ?? '';
        for (const dev of blockDevices(type, r)) {
          const a = attr(dev, 'encrypted');
          if (a) {
            if (asBool(known(ctx, a.expr)) === false) {
              ctx.report(a, { message: `${type} "${name}" has an unencrypted ${dev.type} block device.` });
            }
            continue;
          }
          // Snapshots carry their own encryption; a KMS key or account default means encrypted.
          if (byDefault || attr(dev, 'snapshot_id') || attr(dev, 'kms_key_id')) continue;
          ctx.report(dev, { message: `${type} "${name}" does not encrypt its ${dev.type} block device.` });
        }
      });
    }
  },
};

export default rule;
