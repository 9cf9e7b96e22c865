#!/usr/bin/env bash
# The replicated set-up uses PostgreSQL, Redis and nginx from Debian's packages.
set -euo pipefail
missing=()
ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || missing+=(nginx-light)
[ ${#missing[@]} = 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> ${missing[*]} installeren uit Debian-pakketten"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts the packaged services; this set-up runs its own on other ports.
else
  echo "Ontbreekt: ${missing[*]}. Installeer ze met: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
