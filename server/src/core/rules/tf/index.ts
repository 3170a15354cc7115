import type { TfRule } from '../types';
import allPortsOpenToInternet from './all-ports-open-to-internet';
import azureKeyVaultPurgeProtection from './azure-key-vault-purge-protection';
import azureStorageContainerPublic from './azure-storage-container-public';
import azureStorageHttpAllowed from './azure-storage-http-allowed';
import azureStorageOldTls from './azure-storage-old-tls';
import azureStoragePublicBlobAccess from './azure-storage-public-blob-access';
import cloudtrailLogValidationDisabled from './cloudtrail-log-validation-disabled';
import cloudtrailLoggingDisabled from './cloudtrail-logging-disabled';
import cloudtrailNotMultiRegion from './cloudtrail-not-multi-region';
import cloudwatchLogGroupNoRetention from './cloudwatch-log-group-no-retention';
import dynamodbPitrDisabled from './dynamodb-pitr-disabled';
import ebsVolumeUnencrypted from './ebs-volume-unencrypted';
import ec2BlockDeviceUnencrypted from './ec2-block-device-unencrypted';
import ec2Imdsv1Enabled from './ec2-imdsv1-enabled';
import eksPublicEndpoint from './eks-public-endpoint';
import gceSerialPortEnabled from './gce-serial-port-enabled';
import gcsBucketPublic from './gcs-bucket-public';
import gcsUniformAccessDisabled from './gcs-uniform-access-disabled';
import iamPolicyWildcard from './iam-policy-wildcard';
import kmsKeyRotationDisabled from './kms-key-rotation-disabled';
import lbListenerHttp from './lb-listener-http';
import missingRequiredTags from './missing-required-tags';
import moduleSourceUnpinned from './module-source-unpinned';
import noRemoteBackend from './no-remote-backend';
import providerHardcodedCredentials from './provider-hardcoded-credentials';
import rdpOpenToInternet from './rdp-open-to-internet';
import rdsNoBackupRetention from './rds-no-backup-retention';
import rdsNotMultiAz from './rds-not-multi-az';
import rdsPubliclyAccessible from './rds-publicly-accessible';
import rdsStorageNotEncrypted from './rds-storage-not-encrypted';
import requiredProviderUnversioned from './required-provider-unversioned';
import s3BucketNoEncryption from './s3-bucket-no-encryption';
import s3BucketNoVersioning from './s3-bucket-no-versioning';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block';
import s3BucketPublicAcl from './s3-bucket-public-acl';
import sshOpenToInternet from './ssh-open-to-internet';

/** Every Terraform rule; one file per rule in this folder. */
export const tfRules: TfRule[] = [
  allPortsOpenToInternet,
  azureKeyVaultPurgeProtection,
  azureStorageContainerPublic,
  azureStorageHttpAllowed,
  azureStorageOldTls,
  azureStoragePublicBlobAccess,
  cloudtrailLogValidationDisabled,
  cloudtrailLoggingDisabled,
  cloudtrailNotMultiRegion,
  cloudwatchLogGroupNoRetention,
  dynamodbPitrDisabled,
  ebsVolumeUnencrypted,
  ec2BlockDeviceUnencrypted,
  ec2Imdsv1Enabled,
  eksPublicEndpoint,
  gceSerialPortEnabled,
  gcsBucketPublic,
  gcsUniformAccessDisabled,
  iamPolicyWildcard,
  kmsKeyRotationDisabled,
  lbListenerHttp,
  missingRequiredTags,
  moduleSourceUnpinned,
  noRemoteBackend,
  providerHardcodedCredentials,
  rdpOpenToInternet,
  rdsNoBackupRetention,
  rdsNotMultiAz,
  rdsPubliclyAccessible,
  rdsStorageNotEncrypted,
  requiredProviderUnversioned,
  s3BucketNoEncryption,
  s3BucketNoVersioning,
  s3BucketPublicAccessBlock,
  s3BucketPublicAcl,
  sshOpenToInternet,
];
