import type { TfRule } from '../types';
import {
  asBool,
  asStrings,
  attr,
  awsDoc,
  children,
  isDisabled,
  isOpenCidr,
  known,
  resources,
} from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/eks-public-endpoint',
    title: 'EKS API endpoint open to the internet',
    severity: 'warning',
    category: 'security',
    why: 'The EKS API endpoint is public by default and, without `public_access_cidrs`, reachable from any address: the cluster control plane is then exposed to credential attacks and any future API server vulnerability.',
    fix: 'Set `endpoint_public_access = false` with `endpoint_private_access = true` and reach the API through the VPC (VPN, bastion), or restrict `public_access_cidrs` to known ranges.',
    references: [
      awsDoc('aws_eks_cluster'),
      {
        title: 'Amazon EKS: cluster API server endpoint',
        url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
      },
      { title: 'CIS Amazon EKS Benchmark', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    ],
  },
  check(ctx) {
    for (const cluster of resources(ctx, 'aws_eks_cluster')) {
      if (isDisabled(ctx, cluster)) continue;
      const vpc = children(cluster, 'vpc_config')[0];
      if (!vpc) continue;
      const pub = attr(vpc, 'endpoint_public_access');
      const isPublic = pub ? asBool(known(ctx, pub.expr)) : true;
      if (isPublic !== true) continue;
      const cidrsAttr = attr(vpc, 'public_access_cidrs');
      const cidrs = cidrsAttr ? asStrings(known(ctx, cidrsAttr.expr)) : ['0.0.0.0/0'];
      if (!cidrs || !cidrs.some(isOpenCidr)) continue;
      const at = cidrsAttr ?? pub ?? vpc;
      ctx.report(at, {
        message: `EKS cluster "${cluster.labels[1] ?? ''}" exposes its API endpoint to the whole internet.`,
      });
    }
  },
};

export default rule;
