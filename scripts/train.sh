#!/usr/bin/env bash
# Trains a model when none matches the current data/config (Rasa compares fingerprints).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
rasa train --domain domain --config config.yml --data data --out models "$@"
