import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'RDP from the office',
      code: [
        'resource "aws_security_group_rule" "rdp" {',
        '  type              = "ingress"',
        '  from_port         = 3389',
        '  to_port           = 3389',
        '  protocol          = "tcp"',
        '  cidr_blocks       = ["203.0.113.0/24"]',
        '  security_group_id = aws_security_group.sg.id',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'rule resource, cidr from a local',
      code: [
        'locals {',
        '  anywhere = "0.0.0.0/0"',
        '}',
        '',
        'resource "aws_security_group_rule" "rdp" {',
        '  type              = "ingress"',
        '  from_port         = 3389',
        '  to_port           = 3389',
        '  protocol          = "tcp"',
        '  cidr_blocks       = [local.anywhere]',
        '  security_group_id = aws_security_group.sg.id',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 10, column: 3, message: '3389' }],
    },
    {
      name: 'Azure inline security_rule with a port list',
      code: [
        'resource "azurerm_network_security_group" "nsg" {',
        '  name                = "nsg"',
        '  location            = "westeurope"',
        '  resource_group_name = "rg"',
        '',
        '  security_rule {',
        '    name                       = "rdp"',
        '    priority                   = 100',
        '    direction                  = "Inbound"',
        '    access                     = "Allow"',
        '    protocol                   = "*"',
        '    source_port_range          = "*"',
        '    destination_port_ranges    = ["443", "3389"]',
        '    source_address_prefix      = "Internet"',
        '    destination_address_prefix = "*"',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 14, column: 5 }],
    },
  ],
};

export default cases;
