variable "environment" {
  type    = string
  default = "dev"
}

locals {
  name = "shop-${var.enviroment}"
}

output "name" {
  value = local.name
}
