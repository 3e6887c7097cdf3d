#!/bin/sh
curl -sf -X POST -H "Content-Type: application/json" -d '{"text":"build ok"}' "$CHAT_WEBHOOK_URL"
