# A root module the deploy panels plan with the real terraform: built-in terraform_data only, so
# it needs no provider download.
terraform {
  required_version = ">= 1.4"
}

resource "terraform_data" "web" {
  input = "web-v1"
}

resource "terraform_data" "db" {
  input = "db-v1"
}

output "web" {
  value = terraform_data.web.output
}
