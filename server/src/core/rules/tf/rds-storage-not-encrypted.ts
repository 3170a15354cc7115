import type { TfRule } from '../types';
import { asBool, attr, awsDoc, CIS_AWS, isDisabled, known, resources } from './helpers';
import { moduleName, rdsModules } from './registryModules';

const rule: TfRule = {
  meta: {
    id: 'tf/rds-storage-not-encrypted',
    title: 'RDS storage is not encrypted',
    severity: 'error',
    category: 'security',
    why: 'Unencrypted database storage leaves data, automated backups, read replicas and snapshots readable to anyone who gets hold of the volumes or a shared snapshot. Encryption cannot be turned on later without a snapshot-restore migration.',
    fix: 'Set `storage_encrypted = true` (optionally with `kms_key_id` for a customer-managed key) when creating the instance or cluster.',
    references: [
      awsDoc('aws_db_instance'),
      awsDoc('aws_rds_cluster'),
      {
        title: 'Amazon RDS: encrypting Amazon RDS resources',
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    for (const type of ['aws_db_instance', 'aws_rds_cluster']) {
      for (const db of resources(ctx, type)) {
        if (isDisabled(ctx, db)) continue;
        // Replicas and restores inherit encryption from their source; serverless v1 is always encrypted.
        if (
          attr(db, 'replicate_source_db') ||
          attr(db, 'snapshot_identifier') ||
          attr(db, 'replication_source_identifier')
        )
          continue;
        if (known(ctx, attr(db, 'engine_mode')?.expr) === 'serverless') continue;
        const engine = known(ctx, attr(db, 'engine')?.expr);
        // Aurora instances take encryption from their cluster.
        if (type === 'aws_db_instance' && typeof engine === 'string' && engine.startsWith('aurora')) continue;
        const a = attr(db, 'storage_encrypted');
        if (!a) {
          ctx.report(db, { message: `Database "${db.labels[1] ?? ''}" does not enable storage encryption.` });
        } else if (asBool(known(ctx, a.expr)) === false) {
          ctx.report(a, { message: `Database "${db.labels[1] ?? ''}" disables storage encryption.` });
        }
      }
    }
    // The module's default changed from false to true (v5): only an explicit false counts.
    for (const m of rdsModules(ctx)) {
      const a = attr(m, 'storage_encrypted');
      if (a && asBool(known(ctx, a.expr)) === false)
        ctx.report(a, { message: `Database of module "${moduleName(m)}" disables storage encryption.` });
    }
  },
};

export default rule;
