#!/usr/bin/env bash
# Starts the action server of Spoorwijzer: the only place that says how. Used by `make run`,
# `make test`, `make shell`, `make topology` and `make bench` (scripts/servers.sh) and by the image
# (Compose and Kubernetes). The process becomes the server (exec), so its pid is the server's.
#   scripts/start-actions.sh [actions package]   (default: Spoorwijzer's `actions`)
# Port: ACTIONS_PORT (spoorwijzer_settings; default 5055).
set -euo pipefail
cd "$(dirname "$0")/.."
settings=$(python -m spoorwijzer_settings shell ACTIONS_PORT)
eval "$settings"
# rasa-sdk's own entry point, not `rasa run actions`: the same server without importing Rasa and
# TensorFlow (measured: ~500 MB less memory, faster start), with our log safety installed first
# (spoorwijzer_rasa/action_server.py: no message text in its log).
# Sanic's own body limit (100 MiB), set here so that a limit meant for the Rasa server never reaches
# this one: Rasa sends it the whole tracker as JSON, which grows with a long conversation.
export SANIC_REQUEST_MAX_SIZE=104857600
exec python -m spoorwijzer_rasa.action_server --actions "${1:-actions}" --port "$ACTIONS_PORT"
