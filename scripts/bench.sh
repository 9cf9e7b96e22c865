#!/usr/bin/env bash
# `make bench`: full conversation turns over REST at 1, 8 and 32 concurrent
# conversations, for
#   (0)  the floor: the smallest Rasa bot (benchmarks/floor), to show what Rasa itself
#        costs per turn on this machine, with a reply from the domain and in-memory
#        tracker store, and (0') with one custom action and SQLite;
#   (a)  Rasa's default configuration, stock `rasa run`;
#   (a') the same model with our runtime (spoorwijzer_rasa fixes, 1 TensorFlow thread),
#        to show what the configuration and what the runtime contributes;
#   (b)  our configuration, one Rasa process;
#   (c)  the replicated set-up (2 replicas behind nginx, PostgreSQL, Redis);
# then a soak of (b) at half its highest throughput. Prints Markdown tables.
# Takes ~50 minutes with training; BENCH_TRAIN=0 reuses var/bench's models,
# BENCH_SOAK_SECONDS sets the soak (default 600; 0 skips it), and BENCH_SETUPS picks
# set-ups (default "floor default ours replicated"; e.g. "floor ours" to compare (b)
# with the floor after a change, in ~15 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/servers.sh
# Machine-paced load from one address (the REST conversation, 50 simultaneous conversations, the
# benchmarks) would hit the rate limits a person never hits; the limits have their own tests.
export SPOORWIJZER_RATE_PER_CONVERSATION="${SPOORWIJZER_RATE_PER_CONVERSATION:-0}"
export SPOORWIJZER_RATE_PER_CLIENT="${SPOORWIJZER_RATE_PER_CLIENT:-0}"
source scripts/topology.sh
trap stop_topology EXIT
OUT=var/bench
BENCH_PORT="${BENCH_PORT:-5105}"
SOAK_SECONDS="${BENCH_SOAK_SECONDS:-600}"
SETUPS=" ${BENCH_SETUPS:-floor default ours replicated} "
wants() { [[ "$SETUPS" == *" $1 "* ]]; }
mkdir -p "$OUT"
rm -f "$OUT"/turns.json "$OUT"/memory.json "$OUT"/soak.json "$OUT"/long.json "$OUT"/tracker-*.db

needs_training() { [ "${BENCH_TRAIN:-1}" = 1 ] || [ ! -s "$OUT/models-$1/$1.tar.gz" ]; }
to_train=()
# Our model serves (b) and the replicated set-up; the default model serves (a) and (a').
if { wants ours || wants replicated; } && needs_training ours; then to_train+=(ours); fi
if wants default && needs_training default; then to_train+=(default); fi
if [ ${#to_train[@]} -gt 0 ]; then
  echo "==> trainen: ${to_train[*]} (tijd en grootte worden gemeten)"
  benchmarks/train_both.sh "${to_train[@]}"
fi
scripts/credentials.sh >/dev/null

single_server() {
  # $1 label, $2 model, $3… the command that starts Rasa. A fresh action server and a
  # fresh SQLite tracker store per set-up, so peak memory belongs to this run only.
  # FLOOR_MESSAGE set: the floor bot (its endpoints and actions), that message 7 times.
  local label="$1" model="$2"; shift 2
  local endpoints=endpoints.yml actions=actions measure
  if [ -n "${FLOOR_MESSAGE:-}" ]; then
    endpoints="benchmarks/floor/endpoints-$FLOOR_STORE.yml" actions=benchmarks.floor.actions
    measure=(measure-floor "$label" "http://127.0.0.1:$BENCH_PORT" "$FLOOR_MESSAGE")
  else
    measure=(measure "$label" "http://127.0.0.1:$BENCH_PORT")
  fi
  sed "s|spoorwijzer-tracker.db|$OUT/tracker-$RANDOM.db|" "$endpoints" > "$OUT/endpoints.yml"
  start_action_server "$actions"
  "$@" run --model "$model" --endpoints "$OUT/endpoints.yml" --credentials var/credentials.yml \
    --interface 127.0.0.1 --port "$BENCH_PORT" >> "$OUT/server.log" 2>&1 &
  local pid=$!
  SERVER_PIDS+=($pid)
  wait_for_url "http://127.0.0.1:$BENCH_PORT/" 300
  python benchmarks/bench_turns.py "${measure[@]}" "$pid" "$ACTION_SERVER_PID"
  if [ -n "${KEEP_FOR_SOAK:-}" ]; then SOAK_PID=$pid; return; fi
  stop_servers
}

if wants floor; then
echo "==> (0) ondergrens: het kleinste Rasa-gesprek (benchmarks/floor)"
python -m spoorwijzer_rasa train --config benchmarks/floor/config.yml --domain benchmarks/floor/domain.yml \
  --data benchmarks/floor/data --out "$OUT/models-floor" --fixed-model-name floor > "$OUT/train-floor.log" 2>&1
FLOOR_MESSAGE=hallo FLOOR_STORE=memory single_server "(0) ondergrens: antwoord uit domein, geheugen" \
  "$OUT/models-floor/floor.tar.gz" python -m spoorwijzer_rasa
FLOOR_MESSAGE=vraag FLOOR_STORE=sqlite single_server "(0') ondergrens: 1 custom action, SQLite" \
  "$OUT/models-floor/floor.tar.gz" python -m spoorwijzer_rasa
fi

if wants default; then
echo "==> (a) Rasa-standaardconfiguratie, gewone rasa run"
single_server "(a) Rasa-standaard" "$OUT/models-default/default.tar.gz" \
  env -u TF_INTRA_OP_PARALLELISM_THREADS -u TF_INTER_OP_PARALLELISM_THREADS rasa
echo "==> (a') Rasa-standaardconfiguratie met onze runtime"
single_server "(a') standaard + onze runtime" "$OUT/models-default/default.tar.gz" python -m spoorwijzer_rasa
fi

if wants ours; then
echo "==> (b) onze configuratie, één proces"
KEEP_FOR_SOAK=1 single_server "(b) Spoorwijzer, 1 proces" "$OUT/models-ours/ours.tar.gz" python -m spoorwijzer_rasa
echo "==> één lang gesprek (120 vragen achter elkaar) tegen (b)"
python benchmarks/bench_turns.py long "(b) Spoorwijzer, 1 proces" "http://127.0.0.1:$BENCH_PORT"

if [ "$SOAK_SECONDS" != 0 ]; then
  rate=$(python benchmarks/bench_turns.py half-of-max "(b) Spoorwijzer, 1 proces")
  echo "==> duurtest: $((SOAK_SECONDS / 60)) min met $rate beurten/s op (b)"
  python benchmarks/bench_turns.py soak "http://127.0.0.1:$BENCH_PORT" "$rate" "$SOAK_SECONDS" "$SOAK_PID" || soak_failed=1
fi
stop_servers
fi

if wants replicated; then
echo "==> (c) gerepliceerd: 2 replica's achter nginx, PostgreSQL, Redis"
scripts/ensure-topology-packages.sh
RASA_MODEL="$OUT/models-ours/ours.tar.gz" start_topology
python benchmarks/bench_turns.py measure "(c) 2 replica's + nginx" "http://127.0.0.1:$TOPO_NGINX_PORT" \
  "${REPLICA_PIDS[@]}" "$ACTION_SERVER_PID"
stop_topology
fi

echo
python benchmarks/bench_turns.py table
exit "${soak_failed:-0}"
