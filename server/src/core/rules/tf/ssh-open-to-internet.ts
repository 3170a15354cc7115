import type { TfRule } from '../types';
import {
  awsDoc,
  azureDoc,
  CIS_AWS,
  CIS_AZURE,
  CIS_GCP,
  googleDoc,
  reportOpenIngress,
  opensTcpPort,
} from './helpers';

const rule: TfRule = {
  meta: {
    id: 'tf/ssh-open-to-internet',
    title: 'SSH open to the internet',
    severity: 'error',
    category: 'security',
    why: 'Port 22 reachable from 0.0.0.0/0 or ::/0 exposes SSH to constant brute-force and exploit scanning; one weak key or an unpatched daemon is enough to get in.',
    fix: 'Restrict the source to known address ranges (a VPN or office CIDR), or remove the rule and use a bastion-free access path such as AWS Systems Manager Session Manager, Azure Bastion or GCP IAP TCP forwarding.',
    references: [
      awsDoc('aws_security_group'),
      awsDoc('aws_network_acl_rule'),
      azureDoc('azurerm_network_security_rule'),
      googleDoc('google_compute_firewall'),
      CIS_AWS,
      CIS_AZURE,
      CIS_GCP,
    ],
  },
  check(ctx) {
    reportOpenIngress(ctx, (i) => opensTcpPort(i, 22), 'SSH (port 22) is open to the whole internet.');
  },
};

export default rule;
