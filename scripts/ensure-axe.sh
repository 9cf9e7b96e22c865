#!/usr/bin/env bash
# axe-core (Deque's accessibility engine, the one behind most WCAG audit tools) for the browser
# tests: fetched once from the npm registry, checked against the registry's sha512, kept in var/.
# The tests load it into the real page in headless Chromium (tests/web/test_accessibility.py).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.14.1
INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
TARGET=var/axe-core-$VERSION/axe.min.js
[ -s "$TARGET" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/axe.tgz" "https://registry.npmjs.org/axe-core/-/axe-core-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$work/axe.tgz" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "axe-core $VERSION: de controlesom klopt niet; bestand niet gebruikt." >&2
  exit 1
fi
tar -xzf "$work/axe.tgz" -C "$work" package/axe.min.js
mkdir -p "$(dirname "$TARGET")"
mv "$work/package/axe.min.js" "$TARGET"
echo "==> axe-core $VERSION klaar ($TARGET)"
