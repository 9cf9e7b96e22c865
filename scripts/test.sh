#!/usr/bin/env bash
# Every test: unit tests (rules, dates, actions, components, HR API, Slack), data
# validation, conversation tests, a full conversation over REST against the running
# servers, the chat page in headless Chromium, the deployment files against their
# schemas, and the replicated set-up (PostgreSQL, Redis, nginx, 2 Rasa replicas)
# under load with a replica killed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/servers.sh
source scripts/topology.sh
trap stop_topology EXIT

scripts/ensure-topology-packages.sh  # PostgreSQL, Redis, nginx (Redis also for a Slack test)

action_server_outage() {
  # $1: the chat URL. The action server stops, the user gets a polite message; it comes
  # back, and the same conversation goes on.
  stop_action_server
  python tests/rest/action_server_down.py "$1" down
  start_action_server
  wait_for_url "http://localhost:$ACTIONS_PORT/health" 120
  python tests/rest/action_server_down.py "$1" up
}

echo "==> ruff: lint en opmaak (pyproject.toml)"
ruff check .
ruff format --check .

echo "==> pytest: regels, datums, acties, componenten, kanalen, deploy"
scripts/ensure-teams-schema.sh
SPOORWIJZER_REQUIRE_REDIS=1 SPOORWIJZER_REQUIRE_SCHEMAS=1 SPOORWIJZER_REQUIRE_NGINX=1 python -m pytest -q --ignore=tests/web

echo "==> deploy/: Compose en Kubernetes tegen hun schema's"
scripts/check-deploy.sh

echo "==> rasa data validate"
python -m spoorwijzer_rasa data validate --domain domain --data data --config config.yml --fail-on-warnings

echo "==> model trainen (alleen als data of config veranderd zijn)"
scripts/train.sh
models_before=$(ls models/*.tar.gz | wc -l)
scripts/train.sh >/dev/null
if [ "$(ls models/*.tar.gz | wc -l)" != "$models_before" ]; then
  echo "FOUT: een tweede training zonder wijzigingen schreef een nieuw model" >&2; exit 1
fi
echo "ok   niets veranderd: het model wordt hergebruikt"

echo "==> NLU: ondergrenzen voor de nauwkeurigheid (eigen held-out set, echte vragen: ontwikkelset)"
python tests/nlu/accuracy_gate.py models

echo "==> gespreksverhalen: tests/test_stories.yml"
python -m spoorwijzer_rasa test core --stories tests/test_stories.yml --model models --endpoints endpoints.yml \
  --out results --fail-on-prediction-errors
python -m spoorwijzer_rasa test core --stories tests/test_stories_suggest.yml --model models --endpoints endpoints.yml \
  --out results/suggest --fail-on-prediction-errors

echo "==> servers starten en een volledig gesprek via REST"
# From here on: machine-paced load from one address (the REST conversation, 50 simultaneous conversations, the
# benchmarks) would hit the rate limits a person never hits; the limits have their own tests.
export SPOORWIJZER_RATE_PER_CONVERSATION="${SPOORWIJZER_RATE_PER_CONVERSATION:-0}"
export SPOORWIJZER_RATE_PER_CLIENT="${SPOORWIJZER_RATE_PER_CLIENT:-0}"
export RASA_API_TOKEN="test-$RANDOM$RANDOM"  # the HTTP API is on, so the test checks it refuses requests without it
# Slack on, with test values: the test checks signed and unsigned requests (no message goes to Slack).
export SLACK_TOKEN="xoxb-test-only" SLACK_SIGNING_SECRET="test-$RANDOM$RANDOM"
start_action_server
start_rasa_server var/rasa.log
start_web_server
wait_for_url "http://localhost:$RASA_PORT/" 300
wait_for_url "http://localhost:$WEB_PORT/" 30
python tests/rest/conversation.py "http://localhost:$RASA_PORT"
python tests/rest/dossiercheck_checks.py "http://localhost:$RASA_PORT"

echo "==> privacy: geen medische tekst en niets meer na wissen, in de SQLite-database"
python tests/rest/privacy_checks.py "http://localhost:$RASA_PORT" "sqlite:$PWD/spoorwijzer-tracker.db"

echo "==> action server even uit: een nette melding, daarna weer gewoon verder"
action_server_outage "http://localhost:$RASA_PORT"

echo "==> chatpagina in headless Chromium, met WCAG 2.1 AA-audit (axe-core); schermafbeeldingen in artifacts/screenshots"
scripts/ensure-chromium.sh
scripts/ensure-axe.sh
SPOORWIJZER_WEB_URL="http://localhost:$WEB_PORT" SPOORWIJZER_REQUIRE_WEB=1 \
  SPOORWIJZER_TRACKER_DB="$PWD/spoorwijzer-tracker.db" python -m pytest -q tests/web

echo "==> gerepliceerd: PostgreSQL, Redis, nginx en 2 Rasa-replica's op loopback"
stop_servers
start_topology
victim="${TOPO_REPLICA_PORTS[1]}"
python tests/topology/concurrent_conversations.py "http://127.0.0.1:$TOPO_NGINX_PORT" \
  --kill-pid "${REPLICA_PIDS[$victim]}" --kill-port "$victim"
forget_server "${REPLICA_PIDS[$victim]}"

echo "==> gerepliceerd: privacy in PostgreSQL (bewaartermijn, medische tekst, wissen via elke replica)"
SPOORWIJZER_TEST_POSTGRES=1 python -m pytest -q tests/privacy
python tests/rest/privacy_checks.py "http://127.0.0.1:$TOPO_NGINX_PORT" postgresql

echo "==> gerepliceerd: action server even uit, via nginx"
action_server_outage "http://127.0.0.1:$TOPO_NGINX_PORT"
