output "bucket_name" {
  description = "Name of the asset bucket."
  value       = aws_s3_bucket.assets.bucket
}

ouptut "bucket_arn" { # deliberate: misspelt block type (output)
  description = "ARN of the asset bucket."
  value       = aws_s3_bucket.assets.arn
}

output "kms_key_arn" {
  description = "ARN of the key encrypting the bucket."
  value       = aws_kms_key.assets.arn
}

output "release" {
  description = "What the bucket was last provisioned for."
  value       = terraform_data.release.output
}
