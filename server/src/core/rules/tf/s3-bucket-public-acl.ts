import type { TfAttribute, TfBlock } from '../../terraform/model';
import type { TfRule } from '../types';
import { attr, awsDoc, CIS_AWS, eachBlock, isDisabled, known, resources } from './helpers';
import { s3BucketModules } from './registryModules';

/** Canned ACLs granting access to everyone (or to every AWS account). */
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);

/** Grantee URIs of the predefined groups "everyone" and "any AWS account". */
const PUBLIC_GROUPS = /^https?:\/\/acs\.amazonaws\.com\/groups\/global\/(?:AllUsers|AuthenticatedUsers)$/;

/** `uri` attributes of the grants of a bucket (v3 inline `grant`) or of an `access_control_policy`. */
function grantUris(block: TfBlock): TfAttribute[] {
  const out: TfAttribute[] = [];
  const walk = (b: TfBlock) => {
    for (const c of b.blocks) {
      if (c.type === 'grant' || c.type === 'grantee' || c.type === 'access_control_policy') {
        const uri = attr(c, 'uri');
        if (uri) out.push(uri);
        walk(c);
      }
    }
  };
  walk(block);
  return out;
}

const rule: TfRule = {
  meta: {
    id: 'tf/s3-bucket-public-acl',
    title: 'S3 bucket has a public ACL',
    severity: 'error',
    category: 'security',
    why: 'The canned ACLs public-read, public-read-write and authenticated-read let anyone on the internet (or any AWS account) list and read, and with public-read-write also overwrite, the objects of the bucket. Public buckets are a leading cause of data leaks.',
    fix: 'Use `private` (or remove the ACL and keep object ownership `BucketOwnerEnforced`), enable the public access block, and serve public content through CloudFront with an origin access control.',
    references: [
      awsDoc('aws_s3_bucket_acl'),
      {
        title: 'Amazon S3: access control list overview (canned ACLs)',
        url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
      },
      {
        title: 'Amazon S3: blocking public access',
        url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    for (const type of ['aws_s3_bucket', 'aws_s3_bucket_acl']) {
      eachBlock(ctx, type, resources(ctx, type), (b) => {
        if (isDisabled(ctx, b)) return;
        for (const uri of grantUris(b)) {
          const v = known(ctx, uri.expr);
          if (typeof v === 'string' && PUBLIC_GROUPS.test(v)) {
            ctx.report(uri, { message: 'An S3 ACL grant gives access to everyone.' });
          }
        }
        const acl = attr(b, 'acl');
        const v = known(ctx, acl?.expr);
        if (!acl || typeof v !== 'string' || !PUBLIC_ACLS.has(v)) return;
        ctx.report(acl, { message: `S3 bucket ACL "${v}" makes the bucket's objects public.` });
      });
    }
    for (const m of s3BucketModules(ctx)) {
      const acl = attr(m, 'acl');
      const v = known(ctx, acl?.expr);
      if (acl && typeof v === 'string' && PUBLIC_ACLS.has(v))
        ctx.report(acl, { message: `S3 bucket ACL "${v}" makes the bucket's objects public.` });
    }
  },
};

export default rule;
