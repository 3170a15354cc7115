import type { TfRule } from '../types';
import { attr, awsDoc, children, eachBlock, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/ec2-imdsv1-enabled',
    title: 'EC2 instance metadata accepts IMDSv1',
    severity: 'warning',
    category: 'security',
    why: 'IMDSv1 answers plain GET requests, so a server-side request forgery in any application on the instance can read the instance role credentials (the Capital One breach). IMDSv2 requires a session token that SSRF cannot obtain.',
    fix: 'Add `metadata_options { http_tokens = "required" }` to the instance or launch template.',
    references: [
      awsDoc('aws_instance'),
      awsDoc('aws_launch_template'),
      awsDoc('aws_launch_configuration'),
      {
        title: 'Amazon EC2: use IMDSv2',
        url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
      },
    ],
  },
  check(ctx) {
    for (const type of ['aws_instance', 'aws_launch_template', 'aws_launch_configuration']) {
      // Per instance: a keystroke re-checks only the instances it changed.
      eachBlock(ctx, type, resources(ctx, type), (inst) => {
        if (isDisabled(ctx, inst)) return;
        const opts = children(inst, 'metadata_options')[0];
        const tokens = opts && attr(opts, 'http_tokens');
        if (opts && known(ctx, attr(opts, 'http_endpoint')?.expr) === 'disabled') return;
        if (!tokens) {
          ctx.report(opts ?? inst, {
            message: `${type} "${inst.labels[1] ?? ''}" does not require IMDSv2 tokens.`,
          });
          return;
        }
        const v = known(ctx, tokens.expr);
        if (typeof v === 'string' && v !== 'required') {
          ctx.report(tokens, {
            message: `${type} "${inst.labels[1] ?? ''}" accepts IMDSv1 (http_tokens = "${v}").`,
          });
        }
      });
    }
  },
};

export default rule;
