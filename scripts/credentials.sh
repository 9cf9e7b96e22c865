#!/usr/bin/env bash
# Writes var/credentials.yml: the REST channel always, Slack only when both
# SLACK_TOKEN and SLACK_SIGNING_SECRET are set. Secrets stay in the environment:
# the file only refers to them (Rasa fills in ${...} when it reads it).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
cp credentials.yml var/credentials.yml
if [ -n "${SLACK_TOKEN:-}" ] && [ -n "${SLACK_SIGNING_SECRET:-}" ]; then
  cat >> var/credentials.yml <<'YAML'

# Slack (from SLACK_TOKEN / SLACK_SIGNING_SECRET / SLACK_CHANNEL): see README "Slack".
connectors.slack.SpoorwijzerSlackInput:
  slack_token: ${SLACK_TOKEN}
  slack_signing_secret: ${SLACK_SIGNING_SECRET}
  slack_channel: ${SLACK_CHANNEL}
  use_threads: true
  conversation_granularity: thread
YAML
  export SLACK_CHANNEL="${SLACK_CHANNEL:-}"
  echo "==> Slack staat aan: /webhooks/slack/webhook"
else
  echo "==> Slack staat uit (zet SLACK_TOKEN en SLACK_SIGNING_SECRET om Slack aan te zetten)"
fi
