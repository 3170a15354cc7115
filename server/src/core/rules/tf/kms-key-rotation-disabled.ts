import type { TfRule } from '../types';
import { asBool, attr, awsDoc, CIS_AWS, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/kms-key-rotation-disabled',
    title: 'KMS key rotation is off',
    severity: 'warning',
    category: 'security',
    why: 'Without automatic rotation a symmetric customer-managed key keeps the same key material forever, so the amount of data exposed by a key compromise grows without bound. Rotation is transparent to users of the key.',
    fix: 'Set `enable_key_rotation = true` on symmetric encryption keys (asymmetric and HMAC keys cannot be rotated automatically).',
    references: [
      awsDoc('aws_kms_key'),
      {
        title: 'AWS KMS: rotating keys',
        url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    for (const key of resources(ctx, 'aws_kms_key')) {
      if (isDisabled(ctx, key)) continue;
      const spec = known(ctx, (attr(key, 'customer_master_key_spec') ?? attr(key, 'key_spec'))?.expr);
      const usage = known(ctx, attr(key, 'key_usage')?.expr);
      if ((attr(key, 'customer_master_key_spec') || attr(key, 'key_spec')) && spec !== 'SYMMETRIC_DEFAULT')
        continue;
      if (usage !== undefined && usage !== 'ENCRYPT_DECRYPT') continue;
      if (attr(key, 'key_usage') && usage === undefined) continue;
      const a = attr(key, 'enable_key_rotation');
      if (!a) ctx.report(key, { message: `KMS key "${key.labels[1] ?? ''}" does not enable rotation.` });
      else if (asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, { message: `KMS key "${key.labels[1] ?? ''}" has rotation turned off.` });
      }
    }
  },
};

export default rule;
