import type { TfRule } from '../types';
import {
  asBool,
  attr,
  awsDoc,
  CIS_AWS,
  companions,
  eachBlock,
  hasUnresolvedCompanion,
  isDisabled,
  known,
  resources,
} from './helpers';
import { moduleName, s3BucketModules } from './registryModules';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

const rule: TfRule = {
  meta: {
    id: 'tf/s3-bucket-public-access-block',
    title: 'S3 bucket without a full public access block',
    severity: 'warning',
    category: 'security',
    why: 'The public access block is the guard rail that keeps a bucket private even when someone adds a public ACL or bucket policy by mistake. Without it (or with any of its four settings off), one wrong statement publishes the data.',
    fix: 'Add an `aws_s3_bucket_public_access_block` for the bucket with `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` all `true` (or an account-wide `aws_s3_account_public_access_block`).',
    references: [
      awsDoc('aws_s3_bucket_public_access_block'),
      {
        title: 'Amazon S3: blocking public access',
        url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    // Settings the block leaves false (or unset, which means false).
    const type = 'aws_s3_bucket_public_access_block';
    eachBlock(ctx, type, resources(ctx, type), (pab) => {
      if (isDisabled(ctx, pab)) return;
      const unset = FLAGS.filter((f) => !attr(pab, f));
      if (unset.length > 0) {
        ctx.report(pab, { message: `The public access block leaves ${unset.join(', ')} unset (false).` });
      }
      for (const flag of FLAGS) {
        const a = attr(pab, flag);
        if (a && asBool(known(ctx, a.expr)) === false) {
          ctx.report(a, { message: `The public access block sets ${flag} to false.` });
        }
      }
    });
    // The module's defaults for the flags changed across major versions: only explicit opt-outs count.
    for (const m of s3BucketModules(ctx)) {
      const attach = attr(m, 'attach_public_policy');
      if (attach && asBool(known(ctx, attach.expr)) === false) {
        ctx.report(attach, {
          message: `Module "${moduleName(m)}" creates no public access block for its bucket.`,
        });
        continue;
      }
      for (const flag of FLAGS) {
        const a = attr(m, flag);
        if (a && asBool(known(ctx, a.expr)) === false)
          ctx.report(a, {
            message: `The public access block of module "${moduleName(m)}" sets ${flag} to false.`,
          });
      }
    }
    // Buckets without any block.
    const accountWide = resources(ctx, 'aws_s3_account_public_access_block').some((b) =>
      FLAGS.every((f) => asBool(known(ctx, attr(b, f)?.expr)) === true),
    );
    if (accountWide || hasUnresolvedCompanion(ctx, type)) return;
    // Per bucket: a keystroke re-checks only the buckets whose block or companions changed.
    eachBlock(ctx, 'aws_s3_bucket', resources(ctx, 'aws_s3_bucket'), (bucket) => {
      if (isDisabled(ctx, bucket)) return;
      if (companions(ctx, bucket, type).length > 0) return;
      ctx.report(bucket, { message: `S3 bucket "${bucket.labels[1] ?? ''}" has no public access block.` });
    });
  },
};

export default rule;
