#!/usr/bin/env bash
# Starts the action server and the Rasa server (REST channel, SQLite tracker store).
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/servers.sh

trap 'echo "==> Spoorwijzer stoppen"; stop_servers' INT TERM EXIT

echo "==> action server op poort $ACTIONS_PORT"
start_action_server
echo "==> Rasa-server starten op http://localhost:$RASA_PORT (even geduld, ongeveer een halve minuut)"
start_rasa_server
wait_for_url "http://localhost:$RASA_PORT/" 300
echo "==> Spoorwijzer draait. Praat via REST: POST http://localhost:$RASA_PORT/webhooks/rest/webhook"
echo "    of in de terminal: .venv/bin/rasa shell. Stoppen: Ctrl-C."
wait -n "${SERVER_PIDS[@]}"
