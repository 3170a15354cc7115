# A root module whose apply fails: the local-exec provisioner exits 1 after terraform_data.ok was
# created, so the deploy reports the failure and the state keeps what was applied.
terraform {
  required_version = ">= 1.4"
}

resource "terraform_data" "ok" {
  input = "fine"
}

resource "terraform_data" "boom" {
  depends_on = [terraform_data.ok]

  provisioner "local-exec" {
    command = "echo 'bulwark e2e: failing on purpose' >&2; exit 1"
  }
}
