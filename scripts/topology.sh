# The replicated set-up on this machine, without containers: PostgreSQL, Redis and
# nginx from Debian's packages, two Rasa replicas and one action server, all on
# loopback. Sourced by run-topology.sh and test.sh (after servers.sh).
TOPOLOGY_DIR="$PWD/var/topology"
# The ports, with their defaults and checks from spoorwijzer_settings.
_settings=$(python -m spoorwijzer_settings shell TOPO_PG_PORT TOPO_REDIS_PORT TOPO_NGINX_PORT TOPO_REPLICA_PORTS) || return 1
eval "$_settings"
TOPO_REPLICA_PORTS=($TOPO_REPLICA_PORTS)
declare -A REPLICA_PIDS=()

# The values deploy/endpoints.yml reads. Passwords and the API token are made on
# the first start and kept in var/topology/secrets (not in git).
topology_environment() {
  mkdir -p "$TOPOLOGY_DIR"
  grep -qs '^TOPOLOGY_API_TOKEN=' "$TOPOLOGY_DIR/secrets" || cat > "$TOPOLOGY_DIR/secrets" <<SECRETS
DB_PASSWORD=$(python -c 'import secrets; print(secrets.token_hex(16))')
REDIS_PASSWORD=$(python -c 'import secrets; print(secrets.token_hex(16))')
TOPOLOGY_API_TOKEN=$(python -c 'import secrets; print(secrets.token_hex(16))')
SECRETS
  chmod 600 "$TOPOLOGY_DIR/secrets"
  set -a; source "$TOPOLOGY_DIR/secrets"; set +a
  export DB_HOST=127.0.0.1 DB_PORT="$TOPO_PG_PORT" DB_NAME=spoorwijzer DB_USER=spoorwijzer
  export REDIS_HOST=127.0.0.1 REDIS_PORT="$TOPO_REDIS_PORT"
  export ACTION_SERVER_URL="http://localhost:$ACTIONS_PORT/webhook"
  # TICKET_LOCK_LIFETIME: 15 s unless set, by scripts/start-rasa.sh (spoorwijzer_settings).
}

# PostgreSQL refuses to run as root; as root, its files belong to the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  # the newest PostgreSQL that Debian installed
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1
}

start_postgres() {
  local bin data="$TOPOLOGY_DIR/pg"
  bin=$(pg_bin)
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -c port=$TOPO_PG_PORT -c unix_socket_directories=$data -c max_connections=100" start >/dev/null
  as_postgres psql -h "$data" -p "$TOPO_PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 \
    -v user="$DB_USER" -v password="$DB_PASSWORD" -v db="$DB_NAME" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user')\gexec
ALTER ROLE :"user" PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
}

stop_postgres() {
  [ -s "$TOPOLOGY_DIR/pg/postmaster.pid" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$TOPOLOGY_DIR/pg" -m fast -w stop >/dev/null || true
}

start_redis() {
  # Redis holds conversation locks and recently seen message ids (an hour); nothing that
  # must survive a restart, so no persistence.
  redis-server --bind 127.0.0.1 --port "$TOPO_REDIS_PORT" --requirepass "$REDIS_PASSWORD" \
    --save "" --appendonly no --logfile "$TOPOLOGY_DIR/redis.log" --daemonize no &
  SERVER_PIDS+=($!)
}

start_replica() {
  # $1: port. The Rasa server as every start makes it (scripts/start-rasa.sh), here with the shared
  # stores, the API on (token from start_topology) and nginx in front: the client address (for the
  # rate limit per client, connectors/limits.py) is the last X-Forwarded-For entry, the one nginx adds.
  RASA_PORT="$1" RASA_ENDPOINTS=deploy/endpoints.yml SANIC_PROXIES_COUNT=1 \
    scripts/start-rasa.sh >> "$TOPOLOGY_DIR/rasa-$1.log" 2>&1 &
  REPLICA_PIDS[$1]=$!
  SERVER_PIDS+=($!)
}

start_nginx() {
  local conf="$TOPOLOGY_DIR/nginx"
  mkdir -p "$conf/spoorwijzer" "$conf/tmp"
  : > "$conf/spoorwijzer/upstreams.conf"
  for port in "${TOPO_REPLICA_PORTS[@]}"; do
    echo "server 127.0.0.1:$port max_fails=1 fail_timeout=5s;" >> "$conf/spoorwijzer/upstreams.conf"
  done
  echo "listen 127.0.0.1:$TOPO_NGINX_PORT;" > "$conf/spoorwijzer/listen.conf"
  cat > "$conf/nginx.conf" <<NGINX
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes 1;
daemon off;
pid $conf/nginx.pid;
error_log $conf/error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $conf/tmp/body;
    proxy_temp_path $conf/tmp/proxy;
    fastcgi_temp_path $conf/tmp/fastcgi;
    uwsgi_temp_path $conf/tmp/uwsgi;
    scgi_temp_path $conf/tmp/scgi;
    include $PWD/deploy/nginx/spoorwijzer.conf;
}
NGINX
  nginx -p "$conf" -c "$conf/nginx.conf" -t -q
  nginx -p "$conf" -c "$conf/nginx.conf" &
  SERVER_PIDS+=($!)
}

start_topology() {
  topology_environment
  # Rasa's HTTP API on the replicas' own ports (nginx does not pass it on).
  export RASA_API_TOKEN="${RASA_API_TOKEN:-$TOPOLOGY_API_TOKEN}"
  start_postgres
  start_redis
  [ -n "${ACTION_SERVER_PID:-}" ] && kill -0 "$ACTION_SERVER_PID" 2>/dev/null || start_action_server
  for port in "${TOPO_REPLICA_PORTS[@]}"; do start_replica "$port"; done
  start_nginx
  for port in "${TOPO_REPLICA_PORTS[@]}"; do wait_for_url "http://127.0.0.1:$port/" 300; done
  wait_for_url "http://127.0.0.1:$TOPO_NGINX_PORT/" 30
}

stop_topology() {
  stop_servers
  stop_postgres
}
