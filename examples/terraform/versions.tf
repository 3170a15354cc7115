terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }

  # State lives in S3 with a lock table, never on a laptop.
  backend "s3" {
    bucket         = "example-terraform-state"
    key            = "shop/assets/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "example-terraform-locks"
    encrypt        = true
  }
}
