#!/usr/bin/env bash
# Starts one Rasa server of Spoorwijzer: the only place that says how. Used by `make run` and
# `make test` (scripts/servers.sh), each replica of `make topology` (scripts/topology.sh) and the
# image (deploy/Dockerfile, so Compose and Kubernetes). The process becomes the server (exec), so
# its pid is the server's. `make bench` starts its own servers: it measures other runtimes too.
#
# Everything comes from the settings (spoorwijzer_settings; .env.example lists them): RASA_PORT,
# RASA_INTERFACE, RASA_ENDPOINTS, RASA_MODEL, RASA_API_TOKEN, CORS_ORIGINS, SANIC_REQUEST_MAX_SIZE,
# TICKET_LOCK_LIFETIME, and what the Rasa server reads itself (DB_*, REDIS_*, Slack, Teams, …). They are checked first, so
# a wrong value stops the start in a second with a Dutch message instead of after loading the model.
set -euo pipefail
cd "$(dirname "$0")/.."

# var/credentials.yml: REST always, Slack and Teams when their variables are set (and in development
# the key for their conversation ids). Before the check, which needs that key when they are on.
scripts/credentials.sh
settings=$(python -m spoorwijzer_settings shell --check rasa \
  RASA_PORT RASA_INTERFACE RASA_ENDPOINTS RASA_MODEL CORS_ORIGINS SANIC_REQUEST_MAX_SIZE TICKET_LOCK_LIFETIME)
eval "$settings"
# Rasa reads it itself: a server that dies holding a conversation's lock (Redis) blocks that
# conversation until the lock expires; a turn takes well under a second (Rasa's default: 60 s).
export TICKET_LOCK_LIFETIME

# Rasa fills in every ${VAR} of var/credentials.yml and stops on one that is not set; empty means
# "none" (Slack: no channel of its own; Teams: Microsoft's public endpoints, connectors/teams_auth.py).
export SLACK_CHANNEL="${SLACK_CHANNEL:-}" TEAMS_OPENID_METADATA_URL="${TEAMS_OPENID_METADATA_URL:-}" \
  TEAMS_TOKEN_URL="${TEAMS_TOKEN_URL:-}"
# Sanic reads these from the environment, for this process only (the action server keeps its own
# limit: Rasa sends it whole trackers). Bodies over the limit get 413 before they are read. No access
# log: its lines carry the path and the query string, Rasa's ?token= included.
export SANIC_REQUEST_MAX_SIZE SANIC_ACCESS_LOG=false

# Rasa's own HTTP API (trackers, model, …) only with a token; the chat channels stay public.
api=()
if [ -n "${RASA_API_TOKEN:-}" ]; then api=(--enable-api --auth-token "$RASA_API_TOKEN"); fi
cors=()
if [ -n "$CORS_ORIGINS" ]; then read -ra cors <<< "--cors $CORS_ORIGINS"; fi

# python -m spoorwijzer_rasa: Rasa's own command with the log safety and the three patches Rasa 3.6 has no
# extension point for (spoorwijzer_rasa/patches.py); `rasa run` loads the model as fast (components/diet.py)
# but lacks both.
exec python -m spoorwijzer_rasa run --model "$RASA_MODEL" --endpoints "$RASA_ENDPOINTS" \
  --credentials var/credentials.yml "${api[@]}" --interface "$RASA_INTERFACE" --port "$RASA_PORT" "${cors[@]}"
