import type { K8sRule } from '../types';
import { get, isRecord } from './objects';
import { SERVICE } from './refs';

/** Annotations that make a cloud load balancer internal (AWS, Azure, GCP, OCI, IBM, DigitalOcean...). */
const INTERNAL = [
  /aws-load-balancer-internal$/,
  /aws-load-balancer-scheme$/,
  /azure-load-balancer-internal$/,
  /load-balancer-type$/,
  /gke-load-balancer-type$/,
  /oci-load-balancer-internal$/,
  /ibm-load-balancer-cloud-provider-ip-type$/,
  /openstack-internal-load-balancer$/,
];

const rule: K8sRule = {
  meta: {
    id: 'k8s/service-loadbalancer',
    title: 'Service of type LoadBalancer exposed publicly',
    severity: 'info',
    category: 'security',
    why: 'A LoadBalancer Service usually provisions a public cloud load balancer, reachable from the internet, with its own cost. Services made internal by their cloud annotation or restricted by `loadBalancerSourceRanges` are not reported.',
    fix: "Expose HTTP through an Ingress or Gateway; otherwise restrict `loadBalancerSourceRanges` or mark the load balancer internal with your cloud's annotation.",
    references: [SERVICE],
  },
  check(ctx) {
    for (const obj of ctx.objects) {
      if (obj.kind !== 'Service' || get(obj.value, ['spec', 'type']) !== 'LoadBalancer') continue;
      const ranges = get(obj.value, ['spec', 'loadBalancerSourceRanges']);
      if (Array.isArray(ranges) && ranges.length > 0 && !ranges.includes('0.0.0.0/0')) continue;
      const annotations = get(obj.value, ['metadata', 'annotations']);
      if (isRecord(annotations)) {
        const internal = Object.entries(annotations).some(
          ([k, v]) =>
            INTERNAL.some((re) => re.test(k)) &&
            /internal|true|private|^0\.0\.0\.0\/0$/i.test(String(v)) &&
            !/internet-facing|external|public/i.test(String(v)),
        );
        if (internal) continue;
      }
      ctx.report(obj, ['spec', 'type'], {
        at: 'pair',
        message: `Service '${obj.name ?? ''}' gets a load balancer that may be reachable from the internet.`,
      });
    }
  },
};

export default rule;
