variable "environment" {
  type    = string
  default = "dev"
}

locals {
  name = "shop-${var.environment}"
}

output "name" {
  value = local.name
}
