import type { TfRule } from '../types';
import { asBool, attr, CIS_GCP, googleDoc, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/gcs-uniform-access-disabled',
    title: 'Cloud Storage bucket without uniform bucket-level access',
    severity: 'warning',
    category: 'security',
    why: 'Without uniform bucket-level access, per-object ACLs can grant access that bucket IAM policies do not show, so nobody can tell from IAM who can read what; a single object ACL can make data public.',
    fix: 'Set `uniform_bucket_level_access = true` on the bucket.',
    references: [
      googleDoc('google_storage_bucket'),
      {
        title: 'Cloud Storage: uniform bucket-level access',
        url: 'https://cloud.google.com/storage/docs/uniform-bucket-level-access',
      },
      CIS_GCP,
    ],
  },
  check(ctx) {
    for (const b of resources(ctx, 'google_storage_bucket')) {
      if (isDisabled(ctx, b)) continue;
      const a = attr(b, 'uniform_bucket_level_access');
      if (!a)
        ctx.report(b, {
          message: `Bucket "${b.labels[1] ?? ''}" does not enforce uniform bucket-level access.`,
        });
      else if (asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, { message: `Bucket "${b.labels[1] ?? ''}" disables uniform bucket-level access.` });
      }
    }
  },
};

export default rule;
