#!/usr/bin/env bash
# Writes var/credentials.yml: the REST channel always, Slack only when both
# SLACK_TOKEN and SLACK_SIGNING_SECRET are set, Microsoft Teams only when TEAMS_APP_ID,
# TEAMS_APP_PASSWORD and TEAMS_TENANT_ID are set. Secrets stay in the environment:
# the file only refers to them (Rasa fills in ${...} when it reads it).
#
# Slack and Teams also need SPOORWIJZER_ID_SECRET (at least 32 characters): their conversation
# ids are derived from it (connectors/channel_ids.py). In development, when it is not set, a
# random one is written once to var/id_secret (mode 600) and kept, so restarts keep the same
# conversations. With SPOORWIJZER_ENV=production nothing is generated: without a good
# SPOORWIJZER_ID_SECRET, Slack or Teams refuse to start (each container would otherwise make
# its own, and replicas would disagree on every conversation id). The same rules as
# spoorwijzer_settings.ChannelIds, which the Rasa server applies (tests/deploy/test_settings.py
# keeps the two equal); here they also stop a start before anything is written.
#
# Every Rasa server runs this at its start (scripts/start-rasa.sh), replicas at the same moment:
# both files are written whole under another name and then renamed, so no server reads half a file.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var

id_secret() {
  local secret="${SPOORWIJZER_ID_SECRET:-}"
  if [ -n "$secret" ]; then
    if [ "${#secret}" -lt 32 ]; then
      echo "FOUT: SPOORWIJZER_ID_SECRET is korter dan 32 tekens. Maak een lange willekeurige waarde, bijvoorbeeld met: openssl rand -hex 32" >&2
      return 1
    fi
    return 0
  fi
  local environment="${SPOORWIJZER_ENV:-}"
  case "${environment,,}" in
    production|productie)
      echo "FOUT: SPOORWIJZER_ID_SECRET ontbreekt, en SPOORWIJZER_ENV zegt dat dit productie is. Zet een geheime willekeurige waarde van minstens 32 tekens (openssl rand -hex 32), dezelfde voor alle Rasa-servers." >&2
      return 1 ;;
  esac
  if [ ! -s var/id_secret ]; then
    # 32 random bytes as 64 hex characters; umask so the file is never readable by others. A link
    # never replaces a key another replica made a moment ago (their ids would differ).
    (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > "var/id_secret.$$")
    if [ -e var/id_secret ] && [ ! -s var/id_secret ]; then rm -f var/id_secret; fi  # an empty one
    ln "var/id_secret.$$" var/id_secret 2>/dev/null || true
    rm -f "var/id_secret.$$"
    echo "==> Ontwikkelsleutel voor de gesprek-id's van Slack en Teams gemaakt: var/id_secret (zet in productie SPOORWIJZER_ID_SECRET)"
  fi
  chmod 600 var/id_secret
}
out="var/credentials.yml.$$"
trap 'rm -f "$out"' EXIT
cp credentials.yml "$out"
if [ -n "${SLACK_TOKEN:-}" ] && [ -n "${SLACK_SIGNING_SECRET:-}" ]; then
  id_secret
  cat >> "$out" <<'YAML'

# Slack (from SLACK_TOKEN / SLACK_SIGNING_SECRET / SLACK_CHANNEL): see README "Slack".
connectors.slack.SpoorwijzerSlackInput:
  slack_token: ${SLACK_TOKEN}
  slack_signing_secret: ${SLACK_SIGNING_SECRET}
  slack_channel: ${SLACK_CHANNEL}
  use_threads: true
  conversation_granularity: thread
YAML
  echo "==> Slack staat aan: /webhooks/slack/webhook"
else
  echo "==> Slack staat uit (zet SLACK_TOKEN en SLACK_SIGNING_SECRET om Slack aan te zetten)"
fi
if [ -n "${TEAMS_APP_ID:-}" ] && [ -n "${TEAMS_APP_PASSWORD:-}" ] && [ -n "${TEAMS_TENANT_ID:-}" ]; then
  id_secret
  cat >> "$out" <<'YAML'

# Microsoft Teams, single-tenant bot (TEAMS_APP_ID / TEAMS_APP_PASSWORD / TEAMS_TENANT_ID): see README "Microsoft Teams".
connectors.teams.TeamsInput:
  app_id: ${TEAMS_APP_ID}
  app_password: ${TEAMS_APP_PASSWORD}
  tenant_id: ${TEAMS_TENANT_ID}
  openid_metadata_url: ${TEAMS_OPENID_METADATA_URL}
  token_url: ${TEAMS_TOKEN_URL}
YAML
  echo "==> Microsoft Teams staat aan: /webhooks/teams/webhook"
else
  echo "==> Microsoft Teams staat uit (zet TEAMS_APP_ID, TEAMS_APP_PASSWORD en TEAMS_TENANT_ID om Teams aan te zetten)"
fi
mv -f "$out" var/credentials.yml
