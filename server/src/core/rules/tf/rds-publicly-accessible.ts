import type { TfRule } from '../types';
import { asBool, attr, awsDoc, CIS_AWS, isDisabled, known, resources } from './helpers';
import { moduleName, rdsModules } from './registryModules';

const rule: TfRule = {
  meta: {
    id: 'tf/rds-publicly-accessible',
    title: 'RDS instance is publicly accessible',
    severity: 'error',
    category: 'security',
    why: 'A publicly accessible database gets a public DNS name resolving to a public IP: only its security group stands between the data and internet-wide scanning and credential stuffing.',
    fix: 'Set `publicly_accessible = false` (the default), keep the database in private subnets and reach it through the application, a VPN or a bastion.',
    references: [
      awsDoc('aws_db_instance'),
      {
        title: 'Amazon RDS: working with a DB instance in a VPC',
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
      },
      CIS_AWS,
    ],
  },
  check(ctx) {
    for (const type of ['aws_db_instance', 'aws_rds_cluster_instance']) {
      for (const db of resources(ctx, type)) {
        if (isDisabled(ctx, db)) continue;
        const a = attr(db, 'publicly_accessible');
        if (a && asBool(known(ctx, a.expr)) === true) {
          ctx.report(a, { message: `Database "${db.labels[1] ?? ''}" is publicly accessible.` });
        }
      }
    }
    for (const m of rdsModules(ctx)) {
      const a = attr(m, 'publicly_accessible');
      if (a && asBool(known(ctx, a.expr)) === true)
        ctx.report(a, { message: `Database of module "${moduleName(m)}" is publicly accessible.` });
    }
  },
};

export default rule;
