# A root module the deploy panels plan and deploy with the real terraform: built-in terraform_data
# only, so it needs no provider download. The sensitive output must never show in a panel, the
# output channel or the audit log (test/e2e/suite/deploy.test.ts looks for its value).
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

output "api_token" {
  value     = "bulwark-e2e-secret-7f3a9c51"
  sensitive = true
}
