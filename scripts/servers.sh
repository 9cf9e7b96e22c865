# Functions to start and stop the action server, the Rasa server and the chat page (sourced by run.sh and test.sh).
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
# Only these web origins may call the Rasa server from a browser (space separated).
CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}"
SERVER_PIDS=()

start_action_server() {
  mkdir -p var
  rasa run actions --actions actions --port "$ACTIONS_PORT" >> "var/actions.log" 2>&1 &
  ACTION_SERVER_PID=$!
  SERVER_PIDS+=($!)
}

stop_action_server() {
  kill "$ACTION_SERVER_PID" 2>/dev/null || true
  wait "$ACTION_SERVER_PID" 2>/dev/null || true
  local kept=()
  for pid in "${SERVER_PIDS[@]}"; do [ "$pid" = "$ACTION_SERVER_PID" ] || kept+=("$pid"); done
  SERVER_PIDS=("${kept[@]}")
}

start_rasa_server() {
  # $1: where the server log goes (default: the terminal)
  local log="${1:-/dev/stdout}"
  # Rasa's own HTTP API (trackers, model, …) only with a token; the chat channels stay public.
  local api=()
  if [ -n "${RASA_API_TOKEN:-}" ]; then api=(--enable-api --auth-token "$RASA_API_TOKEN"); fi
  scripts/credentials.sh
  export SLACK_CHANNEL="${SLACK_CHANNEL:-}"
  rasa run --model models --endpoints endpoints.yml --credentials var/credentials.yml "${api[@]}" \
    --interface 127.0.0.1 --port "$RASA_PORT" --cors $CORS_ORIGINS >> "$log" 2>&1 &
  SERVER_PIDS+=($!)
}

start_web_server() {
  python web/serve.py --port "$WEB_PORT" --rasa "${PUBLIC_RASA_URL:-http://localhost:$RASA_PORT}" &
  SERVER_PIDS+=($!)
}

wait_for_url() {
  # $1: url, $2: seconds
  local deadline=$((SECONDS + ${2:-180}))
  until python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$1" 2>/dev/null; do
    if (( SECONDS > deadline )); then echo "Geen antwoord van $1 binnen ${2:-180} s" >&2; return 1; fi
    for pid in "${SERVER_PIDS[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "Een server is gestopt; zie var/*.log" >&2; return 1; }
    done
    sleep 2
  done
}

stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVER_PIDS=()
}
