variable "region" {
  description = "AWS region the bucket lives in."
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Deployment environment, part of every name."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default = {
    owner       = "platform-team"
    cost-center = "shop"
  }
}
