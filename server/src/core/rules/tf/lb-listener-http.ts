import type { TfRule } from '../types';
import { attr, attrAt, awsDoc, children, isDisabled, known, resources } from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/lb-listener-http',
    title: 'Load balancer listener serves plain HTTP',
    severity: 'warning',
    category: 'security',
    why: 'A listener on plain HTTP carries requests, cookies and credentials unencrypted between clients and the load balancer, where anyone on the path can read or change them.',
    fix: 'Listen with `protocol = "HTTPS"` and a `certificate_arn`, and turn the HTTP listener into a redirect: `default_action { type = "redirect"  redirect { protocol = "HTTPS"  port = "443"  status_code = "HTTP_301" } }`.',
    references: [
      awsDoc('aws_lb_listener'),
      {
        title: 'Elastic Load Balancing: HTTPS listeners for your Application Load Balancer',
        url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html',
      },
    ],
  },
  check(ctx) {
    for (const type of ['aws_lb_listener', 'aws_alb_listener']) {
      for (const l of resources(ctx, type)) {
        if (isDisabled(ctx, l)) continue;
        const protocol = attr(l, 'protocol');
        const v = known(ctx, protocol?.expr);
        if (!protocol || typeof v !== 'string' || v.toUpperCase() !== 'HTTP') continue;
        // An HTTP listener whose only job is redirecting to HTTPS is the recommended setup.
        const redirects = children(l, 'default_action').some((a) => {
          if (known(ctx, attr(a, 'type')?.expr) !== 'redirect') return false;
          const to = known(ctx, attrAt(a, 'redirect', 'protocol')?.expr);
          return typeof to === 'string' && to.toUpperCase() === 'HTTPS';
        });
        if (redirects) continue;
        ctx.report(protocol, {
          message: `Listener "${l.labels[1] ?? ''}" serves plain HTTP without redirecting to HTTPS.`,
        });
      }
    }
  },
};

export default rule;
