import type { TfRule } from '../types';
import {
  attr,
  awsDoc,
  canAddCompanion,
  children,
  companions,
  eachBlock,
  hasUnresolvedCompanion,
  insertAfterBlockFix,
  isDisabled,
  known,
  resources,
} from './helpers';
import { moduleName, s3BucketModules } from './registryModules';

const rule: TfRule = {
  meta: {
    id: 'tf/s3-bucket-no-encryption',
    title: 'S3 bucket without an explicit encryption configuration',
    severity: 'info',
    category: 'security',
    why: 'Since January 2023 S3 encrypts new objects with S3-managed keys (SSE-S3) by default, so data is not stored in clear; hence the info level. Declaring the configuration makes the intent reviewable, and choosing SSE-KMS with your own key adds key policies, audit of key use in CloudTrail and the ability to revoke access by disabling the key.',
    fix: 'Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket (or the inline `server_side_encryption_configuration` block of AWS provider v3), preferably with `sse_algorithm = "aws:kms"` and a customer-managed key.',
    references: [
      awsDoc('aws_s3_bucket_server_side_encryption_configuration'),
      {
        title: 'Amazon S3: default encryption for buckets',
        url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
      },
      {
        title: 'AWS Security Hub: S3 general purpose buckets should have server-side encryption enabled',
        url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html',
      },
    ],
    fixable: true,
  },
  check(ctx) {
    const type = 'aws_s3_bucket_server_side_encryption_configuration';
    for (const m of s3BucketModules(ctx)) {
      const sse = attr(m, 'server_side_encryption_configuration');
      const v = sse ? known(ctx, sse.expr) : {};
      const empty = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
      if (empty)
        ctx.report(sse ?? m, {
          message: `S3 bucket of module "${moduleName(m)}" declares no server-side encryption configuration.`,
        });
    }
    if (hasUnresolvedCompanion(ctx, type)) return;
    // Per bucket: a keystroke re-checks only the buckets whose block or companions changed.
    eachBlock(ctx, 'aws_s3_bucket', resources(ctx, 'aws_s3_bucket'), (bucket) => {
      if (isDisabled(ctx, bucket)) return;
      if (children(bucket, 'server_side_encryption_configuration').length > 0) return;
      if (companions(ctx, bucket, type).length > 0) return;
      const name = bucket.labels[1] ?? 'this';
      const fix =
        canAddCompanion(ctx, bucket, type) &&
        insertAfterBlockFix(bucket, 'Add an S3 encryption configuration resource', [
          `resource "${type}" "${name}" {`,
          `  bucket = aws_s3_bucket.${name}.id`,
          '',
          '  rule {',
          '    apply_server_side_encryption_by_default {',
          '      sse_algorithm = "aws:kms"',
          '    }',
          '    bucket_key_enabled = true',
          '  }',
          '}',
        ]);
      ctx.report(bucket, {
        message: `S3 bucket "${name}" declares no server-side encryption configuration.`,
        fixes: fix ? [fix] : undefined,
      });
    });
  },
};

export default rule;
