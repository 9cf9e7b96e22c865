# Functions to start and stop the action server, the Rasa server and the chat page (sourced by run.sh and test.sh).
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
# Only these web origins may call the Rasa server from a browser (space separated).
CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}"
# Largest request body the Rasa server reads, in bytes (1 MiB); SANIC_REQUEST_MAX_SIZE overrides it.
RASA_REQUEST_MAX_SIZE=1048576
SERVER_PIDS=()

start_action_server() {
  # $1: the actions package (default: Spoorwijzer's `actions`)
  mkdir -p var
  # rasa-sdk's own entry point, not `rasa run actions`: the same server without
  # importing Rasa and TensorFlow (measured: ~500 MB less memory, faster start), with our log
  # safety installed first (spoorwijzer_rasa/action_server.py: no message text in its log).
  # Sanic's own body limit (100 MB), set here so that a limit meant for the Rasa server never
  # reaches this one: Rasa sends it the whole tracker as JSON, which grows with a long conversation.
  SANIC_REQUEST_MAX_SIZE=104857600 \
    python -m spoorwijzer_rasa.action_server --actions "${1:-actions}" --port "$ACTIONS_PORT" >> "var/actions.log" 2>&1 &
  ACTION_SERVER_PID=$!
  SERVER_PIDS+=($!)
}

stop_action_server() {
  kill "$ACTION_SERVER_PID" 2>/dev/null || true
  forget_server "$ACTION_SERVER_PID"
}

forget_server() {
  # $1: pid of a server that was stopped on purpose (so wait_for_url does not report it)
  wait "$1" 2>/dev/null || true
  local kept=()
  for pid in "${SERVER_PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  SERVER_PIDS=("${kept[@]}")
}

start_rasa_server() {
  # $1: where the server log goes (default: the terminal)
  # RASA_ENDPOINTS picks the tracker and lock store: endpoints.yml (SQLite, one
  # server; the default) or deploy/endpoints.yml (PostgreSQL + Redis, replicas).
  local log="${1:-/dev/stdout}"
  # Rasa's own HTTP API (trackers, model, …) only with a token; the chat channels stay public.
  local api=()
  if [ -n "${RASA_API_TOKEN:-}" ]; then api=(--enable-api --auth-token "$RASA_API_TOKEN"); fi
  scripts/credentials.sh
  export SLACK_CHANNEL="${SLACK_CHANNEL:-}"
  # A request body of at most 1 MiB (Sanic's default is 100 MB; a chat message is a few KB): larger
  # bodies get 413 before they are read. Only for this process (see start_action_server).
  # No Sanic access log: its lines carry the query string (Rasa's API token) and the path.
  SANIC_REQUEST_MAX_SIZE="${SANIC_REQUEST_MAX_SIZE:-$RASA_REQUEST_MAX_SIZE}" SANIC_ACCESS_LOG=false \
    python -m spoorwijzer_rasa run --model models --endpoints "${RASA_ENDPOINTS:-endpoints.yml}" \
    --credentials var/credentials.yml "${api[@]}" --interface 127.0.0.1 --port "$RASA_PORT" \
    --cors $CORS_ORIGINS >> "$log" 2>&1 &
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
