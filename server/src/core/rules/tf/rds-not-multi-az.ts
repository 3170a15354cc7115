import type { TfRule } from '../types';
import { asBool, attr, awsDoc, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/rds-not-multi-az',
    title: 'RDS instance is not Multi-AZ',
    severity: 'info',
    category: 'reliability',
    why: 'A single-AZ instance goes down with its availability zone and during maintenance; Multi-AZ keeps a synchronous standby and fails over automatically in a minute or two. Development databases may not need it, hence the info level.',
    fix: 'Set `multi_az = true` for production databases.',
    references: [
      awsDoc('aws_db_instance'),
      {
        title: 'Amazon RDS: Multi-AZ deployments',
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
      },
    ],
  },
  check(ctx) {
    for (const db of resources(ctx, 'aws_db_instance')) {
      if (isDisabled(ctx, db) || attr(db, 'replicate_source_db')) continue;
      const engine = known(ctx, attr(db, 'engine')?.expr);
      // Aurora replicates across zones at the storage layer; multi_az does not apply to its instances.
      if (typeof engine === 'string' && engine.startsWith('aurora')) continue;
      const a = attr(db, 'multi_az');
      if (!a)
        ctx.report(db, { message: `Database "${db.labels[1] ?? ''}" runs in a single availability zone.` });
      else if (asBool(known(ctx, a.expr)) === false) {
        ctx.report(a, { message: `Database "${db.labels[1] ?? ''}" runs in a single availability zone.` });
      }
    }
  },
};

export default rule;
