# Functions to start and stop the action server, the Rasa server and the chat page (sourced by run.sh,
# test.sh, bench.sh, run-topology.sh and `make shell`). How each server starts is written once, in
# scripts/start-actions.sh and scripts/start-rasa.sh; the ports and addresses below, with their
# defaults and checks, come from spoorwijzer_settings (.env.example lists every setting).
_settings=$(python -m spoorwijzer_settings shell RASA_PORT ACTIONS_PORT WEB_PORT PUBLIC_RASA_URL) || return 1
eval "$_settings"
SERVER_PIDS=()

start_action_server() {
  # $1: the actions package (default: Spoorwijzer's `actions`)
  mkdir -p var
  ACTIONS_PORT="$ACTIONS_PORT" scripts/start-actions.sh "${1:-actions}" >> "var/actions.log" 2>&1 &
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
  # $1: where the server log goes (default: the terminal). RASA_ENDPOINTS picks the tracker and lock
  # store: endpoints.yml (SQLite, one server; the default) or deploy/endpoints.yml (PostgreSQL + Redis).
  local log="${1:-/dev/stdout}"
  RASA_PORT="$RASA_PORT" scripts/start-rasa.sh >> "$log" 2>&1 &
  SERVER_PIDS+=($!)
}

start_web_server() {
  python -m web.serve --port "$WEB_PORT" --rasa "$PUBLIC_RASA_URL" &
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
