import type { TfRule } from '../types';
import {
  asBool,
  attr,
  attrAt,
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
    id: 'tf/s3-bucket-no-versioning',
    title: 'S3 bucket without versioning',
    severity: 'warning',
    category: 'reliability',
    why: 'Without versioning, an overwrite or delete (a bug, a bad sync, ransomware with stolen keys) destroys the object for good. Versioning keeps prior versions so they can be restored, and is required for replication and Object Lock.',
    fix: 'Add an `aws_s3_bucket_versioning` resource for the bucket with `versioning_configuration { status = "Enabled" }` (AWS provider v4+), or the inline `versioning { enabled = true }` block on v3. Add lifecycle rules to expire old versions.',
    references: [
      awsDoc('aws_s3_bucket_versioning'),
      {
        title: 'Amazon S3: using versioning in S3 buckets',
        url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
      },
      {
        title: 'AWS Security Hub: S3 general purpose buckets should have versioning enabled',
        url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html',
      },
    ],
    fixable: true,
  },
  check(ctx) {
    const type = 'aws_s3_bucket_versioning';
    // Versioning resources that do not enable it.
    eachBlock(ctx, type, resources(ctx, type), (v) => {
      if (isDisabled(ctx, v)) return;
      const status = attrAt(v, 'versioning_configuration', 'status');
      const value = known(ctx, status?.expr);
      if (status && typeof value === 'string' && value !== 'Enabled') {
        ctx.report(status, { message: `S3 bucket versioning is "${value}", not Enabled.` });
      }
    });
    for (const m of s3BucketModules(ctx)) {
      const versioning = attr(m, 'versioning');
      if (!versioning) {
        ctx.report(m, { message: `S3 bucket of module "${moduleName(m)}" has no versioning.` });
        continue;
      }
      const v = known(ctx, versioning.expr);
      if (v === undefined || v === null || typeof v !== 'object' || Array.isArray(v)) continue;
      // The module reads `enabled` (a bool) or `status` (a bool or "Enabled"/"Suspended").
      const status = v['status'];
      const on =
        asBool(v['enabled']) === true ||
        asBool(status) === true ||
        (typeof status === 'string' && status.toLowerCase() === 'enabled');
      if (!on)
        ctx.report(versioning, {
          message: `S3 bucket of module "${moduleName(m)}" does not enable versioning.`,
        });
    }
    if (hasUnresolvedCompanion(ctx, type)) return;
    // Per bucket: a keystroke re-checks only the buckets whose block or companions changed.
    eachBlock(ctx, 'aws_s3_bucket', resources(ctx, 'aws_s3_bucket'), (bucket) => {
      if (isDisabled(ctx, bucket)) return;
      const inline = children(bucket, 'versioning')[0];
      if (inline) {
        const enabled = attr(inline, 'enabled');
        const value = enabled ? asBool(known(ctx, enabled.expr)) : false;
        if (value === false)
          ctx.report(enabled ?? inline, {
            message: `S3 bucket "${bucket.labels[1] ?? ''}" has versioning disabled.`,
          });
        return;
      }
      if (companions(ctx, bucket, type).length > 0) return;
      const name = bucket.labels[1] ?? 'this';
      const fix =
        canAddCompanion(ctx, bucket, type) &&
        insertAfterBlockFix(bucket, 'Add an S3 versioning resource', [
          `resource "${type}" "${name}" {`,
          `  bucket = aws_s3_bucket.${name}.id`,
          '',
          '  versioning_configuration {',
          '    status = "Enabled"',
          '  }',
          '}',
        ]);
      ctx.report(bucket, {
        message: `S3 bucket "${name}" has no versioning.`,
        fixes: fix ? [fix] : undefined,
      });
    });
  },
};

export default rule;
