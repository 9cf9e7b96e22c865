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
start_web_server
wait_for_url "http://localhost:$RASA_PORT/" 300
echo "==> Spoorwijzer draait:"
echo "    chatpagina:  http://localhost:$WEB_PORT"
echo "    REST:        POST http://localhost:$RASA_PORT/webhooks/rest/webhook"
echo "    Stoppen: Ctrl-C."
wait -n "${SERVER_PIDS[@]}"
