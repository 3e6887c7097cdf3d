#!/bin/sh
curl -H "Authorization: token @@SECRET:github@@" https://api.github.com/user/repos
