import type { TfRule } from '../types';
import { asStrings, attr, CIS_GCP, googleDoc, isDisabled, known, resources } from './helpers';

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);

const rule: TfRule = {
  meta: {
    id: 'tf/gcs-bucket-public',
    title: 'Cloud Storage bucket is public',
    severity: 'error',
    category: 'security',
    why: 'Granting a role to `allUsers` makes the bucket readable (or worse) by anyone on the internet; `allAuthenticatedUsers` means any Google account, which is no restriction either.',
    fix: 'Grant roles to specific users, groups or service accounts only, and enforce public access prevention (`public_access_prevention = "enforced"`) on the bucket.',
    references: [
      googleDoc('google_storage_bucket_iam'),
      {
        title: 'Cloud Storage: public access prevention',
        url: 'https://cloud.google.com/storage/docs/public-access-prevention',
      },
      CIS_GCP,
    ],
  },
  check(ctx) {
    for (const m of resources(ctx, 'google_storage_bucket_iam_member')) {
      if (isDisabled(ctx, m)) continue;
      const a = attr(m, 'member');
      const v = known(ctx, a?.expr);
      if (a && typeof v === 'string' && PUBLIC.has(v))
        ctx.report(a, { message: `The bucket grants a role to ${v}.` });
    }
    for (const b of resources(ctx, 'google_storage_bucket_iam_binding')) {
      if (isDisabled(ctx, b)) continue;
      const a = attr(b, 'members');
      const v = asStrings(known(ctx, a?.expr));
      const open = v?.find((x) => PUBLIC.has(x));
      if (a && open) ctx.report(a, { message: `The bucket grants a role to ${open}.` });
    }
    for (const acl of [
      ...resources(ctx, 'google_storage_bucket_acl'),
      ...resources(ctx, 'google_storage_default_object_acl'),
    ]) {
      const a = attr(acl, 'role_entity');
      const v = asStrings(known(ctx, a?.expr));
      const open = v?.find((x) => PUBLIC.has(x.split(':')[1] ?? ''));
      if (a && open) ctx.report(a, { message: `The bucket ACL grants ${open}.` });
    }
  },
};

export default rule;
