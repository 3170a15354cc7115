import type { TfRule } from '../types';
import s3BucketNoEncryption from './s3-bucket-no-encryption';
import s3BucketNoVersioning from './s3-bucket-no-versioning';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block';
import s3BucketPublicAcl from './s3-bucket-public-acl';

/** Every Terraform rule; one file per rule in this folder. */
export const tfRules: TfRule[] = [
  s3BucketNoEncryption,
  s3BucketNoVersioning,
  s3BucketPublicAccessBlock,
  s3BucketPublicAcl,
];
