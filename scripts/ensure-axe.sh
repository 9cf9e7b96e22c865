#!/usr/bin/env bash
# axe-core (Deque's accessibility engine, the one behind most WCAG audit tools) for the browser
# tests, from the npm registry; the tests load it into the real page in headless Chromium
# (tests/web/test_accessibility.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/fetch-npm-file.sh axe-core 4.14.1 \
  "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==" \
  axe.min.js var/axe-core-4.14.1/axe.min.js
