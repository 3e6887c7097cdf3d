AWS_REGION = "eu-west-1"
AWS_ACCESS_KEY_ID = "@@SECRET:aws-key@@"
