import type { TfRule } from '../types';
import {
  awsDoc,
  azureDoc,
  CIS_AWS,
  CIS_AZURE,
  CIS_GCP,
  googleDoc,
  reportOpenIngress,
  opensAllPorts,
} from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/all-ports-open-to-internet',
    title: 'All ports open to the internet',
    severity: 'error',
    category: 'security',
    why: 'An inbound rule for every port (protocol -1 / all, or 0-65535) from 0.0.0.0/0 or ::/0 exposes every service on the machines behind it, including admin interfaces and databases never meant to be public.',
    fix: 'Allow only the ports the service needs (e.g. 443), from the narrowest source ranges possible; put everything else behind a load balancer or a private network.',
    references: [
      awsDoc('aws_security_group'),
      awsDoc('aws_network_acl_rule'),
      awsDoc('aws_vpc_security_group_ingress_rule'),
      azureDoc('azurerm_network_security_rule'),
      googleDoc('google_compute_firewall'),
      CIS_AWS,
      CIS_AZURE,
      CIS_GCP,
    ],
  },
  check(ctx) {
    reportOpenIngress(ctx, opensAllPorts, 'Every port is open to the whole internet.');
  },
};

export default rule;
