#!/bin/sh
# docs-guild's own rule: every skill explains when to use it.
skill="$1"
if grep -q '^## When to use' "$skill/SKILL.md"; then
  exit 0
fi
echo "$skill/SKILL.md: missing a '## When to use' section"
exit 1
