#!/usr/bin/env bash
# The browser tests use Debian's Chromium (Playwright drives it; no browser download).
set -euo pipefail
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> Chromium installeren uit Debian-pakketten"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium ontbreekt: installeer het pakket 'chromium' (of zet CHROMIUM=/pad/naar/chromium)." >&2
  exit 1
fi
