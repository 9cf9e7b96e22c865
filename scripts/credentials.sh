#!/usr/bin/env bash
# Writes var/credentials.yml: the REST channel always, Slack only when both
# SLACK_TOKEN and SLACK_SIGNING_SECRET are set, Microsoft Teams only when TEAMS_APP_ID,
# TEAMS_APP_PASSWORD and TEAMS_TENANT_ID are set. Secrets stay in the environment:
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
if [ -n "${TEAMS_APP_ID:-}" ] && [ -n "${TEAMS_APP_PASSWORD:-}" ] && [ -n "${TEAMS_TENANT_ID:-}" ]; then
  cat >> var/credentials.yml <<'YAML'

# Microsoft Teams, single-tenant bot (TEAMS_APP_ID / TEAMS_APP_PASSWORD / TEAMS_TENANT_ID): see README "Microsoft Teams".
connectors.teams.TeamsInput:
  app_id: ${TEAMS_APP_ID}
  app_password: ${TEAMS_APP_PASSWORD}
  tenant_id: ${TEAMS_TENANT_ID}
  openid_metadata_url: ${TEAMS_OPENID_METADATA_URL}
  token_url: ${TEAMS_TOKEN_URL}
YAML
  # Empty means Microsoft's public endpoints (connectors/teams_auth.py).
  export TEAMS_OPENID_METADATA_URL="${TEAMS_OPENID_METADATA_URL:-}" TEAMS_TOKEN_URL="${TEAMS_TOKEN_URL:-}"
  echo "==> Microsoft Teams staat aan: /webhooks/teams/webhook"
else
  echo "==> Microsoft Teams staat uit (zet TEAMS_APP_ID, TEAMS_APP_PASSWORD en TEAMS_TENANT_ID om Teams aan te zetten)"
fi
