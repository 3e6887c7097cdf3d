codex --ask-for-approval never exec 'rm -rf build'
