import type { RuleCases } from '../cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'single port',
      code: [
        'resource "aws_security_group" "web" {',
        '  ingress {',
        '    from_port   = 443',
        '    to_port     = 443',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'all traffic inside the VPC',
      code: [
        'resource "aws_security_group" "internal" {',
        '  ingress {',
        '    from_port   = 0',
        '    to_port     = 0',
        '    protocol    = "-1"',
        '    cidr_blocks = ["10.0.0.0/16"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'protocol -1 from anywhere',
      code: [
        'resource "aws_security_group" "open" {',
        '  ingress {',
        '    from_port        = 0',
        '    to_port          = 0',
        '    protocol         = "-1"',
        '    ipv6_cidr_blocks = ["::/0"]',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 6, column: 5, endColumn: 32, message: 'Every port' }],
    },
    {
      name: 'tcp 0-65535',
      code: [
        'resource "aws_security_group_rule" "all" {',
        '  type              = "ingress"',
        '  from_port         = 0',
        '  to_port           = 65535',
        '  protocol          = "tcp"',
        '  cidr_blocks       = ["0.0.0.0/0"]',
        '  security_group_id = "sg-123"',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 6, column: 3 }],
    },
    {
      name: 'ingress in attribute syntax',
      code: [
        'resource "aws_security_group" "open" {',
        '  ingress = [',
        '    {',
        '      cidr_blocks      = ["0.0.0.0/0"]',
        '      from_port        = 0',
        '      to_port          = 65535',
        '      protocol         = "-1"',
        '      ipv6_cidr_blocks = []',
        '      self             = false',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 39 }],
    },
    {
      name: 'GCP allow all',
      code: [
        'resource "google_compute_firewall" "all" {',
        '  name    = "all"',
        '  network = "default"',
        '  allow {',
        '    protocol = "all"',
        '  }',
        '  source_ranges = ["0.0.0.0/0"]',
        '}',
        '',
      ].join('\n'),
      errors: [{ line: 7, column: 3 }],
    },
  ],
};

export default cases;
