#!/usr/bin/env bash
# `make topology`: the replicated set-up on loopback (see scripts/topology.sh).
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/servers.sh
source scripts/topology.sh
scripts/ensure-topology-packages.sh
trap 'echo "==> topologie stoppen"; stop_topology' INT TERM EXIT
echo "==> PostgreSQL (:$TOPO_PG_PORT), Redis (:$TOPO_REDIS_PORT), action server (:$ACTIONS_PORT), Rasa x${#TOPO_REPLICA_PORTS[@]} (${TOPO_REPLICA_PORTS[*]}), nginx (:$TOPO_NGINX_PORT)"
start_topology
echo "==> Spoorwijzer draait gerepliceerd:"
echo "    REST via nginx: POST http://127.0.0.1:$TOPO_NGINX_PORT/webhooks/rest/webhook"
echo "    Gereed (trackerstore en Redis): GET http://127.0.0.1:$TOPO_NGINX_PORT/webhooks/rest/ready"
echo "    Rasa-API per server (poort ${TOPO_REPLICA_PORTS[*]}, niet via nginx): token uit RASA_API_TOKEN,"
echo "    of als dat niet gezet was TOPOLOGY_API_TOKEN in var/topology/secrets"
echo "    Stoppen: Ctrl-C."
# Not `wait -n`: one replica dying is what the set-up is for; the others go on.
wait
