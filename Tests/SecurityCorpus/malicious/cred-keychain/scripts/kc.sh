security find-generic-password -wa github.com
