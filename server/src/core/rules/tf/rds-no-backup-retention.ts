import type { TfRule } from '../types';
import { asNumber, attr, awsDoc, isDisabled, known, resources } from './helpers';
import { moduleName, rdsModules } from './registryModules';

const rule: TfRule = {
  meta: {
    id: 'tf/rds-no-backup-retention',
    title: 'RDS automated backups disabled',
    severity: 'warning',
    category: 'reliability',
    why: '`backup_retention_period = 0` turns off automated backups and point-in-time recovery: a bad migration, a dropped table or a corrupted volume can then only be recovered from manual snapshots, if there are any.',
    fix: 'Set `backup_retention_period` to at least 7 days (35 at most), matching your recovery point objective.',
    references: [
      awsDoc('aws_db_instance'),
      {
        title: 'Amazon RDS: introduction to backups',
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
      },
    ],
  },
  check(ctx) {
    for (const type of ['aws_db_instance', 'aws_rds_cluster']) {
      for (const db of resources(ctx, type)) {
        if (isDisabled(ctx, db) || attr(db, 'replicate_source_db')) continue;
        const a = attr(db, 'backup_retention_period');
        if (a && asNumber(known(ctx, a.expr)) === 0) {
          ctx.report(a, { message: `Database "${db.labels[1] ?? ''}" has automated backups disabled.` });
        }
      }
    }
    for (const m of rdsModules(ctx)) {
      const a = attr(m, 'backup_retention_period');
      if (a && asNumber(known(ctx, a.expr)) === 0)
        ctx.report(a, { message: `Database of module "${moduleName(m)}" has automated backups disabled.` });
    }
  },
};

export default rule;
