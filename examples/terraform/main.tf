provider "aws" {
  region = var.region

  default_tags {
    tags = var.tags
  }
}

locals {
  bucket_name = "example-shop-assets-${var.environment}"
}

resource "aws_kms_key" "assets" {
  description             = "Encrypts the shop asset bucket"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = var.tags
}

resource "aws_s3_bucket" "assets" {
  bucket = local.bucket_name
  tags   = merge(var.tags, { environment = var.enviroment }) # deliberate: undeclared variable (environment)
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.assets.arn
    }
    bucket_key_enabled = true
  }
}

# Records which release the bucket was last provisioned for; replaced when it changes.
resource "terraform_data" "release" {
  input = {
    bucket      = aws_s3_bucket.assets.id
    environment = var.environment
  }
}
