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
    id: 'tf/rdp-open-to-internet',
    title: 'RDP open to the internet',
    severity: 'error',
    category: 'security',
    why: 'Port 3389 reachable from 0.0.0.0/0 or ::/0 exposes Remote Desktop to brute-force attacks and to a history of critical pre-authentication vulnerabilities (e.g. BlueKeep); it is a favourite entry point of ransomware.',
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
    reportOpenIngress(ctx, (i) => opensTcpPort(i, 3389), 'RDP (port 3389) is open to the whole internet.');
  },
};

export default rule;
