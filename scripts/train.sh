#!/usr/bin/env bash
# Trains a model when none matches the current data/config; otherwise reuses the newest one.
#
# Rasa 3 writes a new model archive (~80 MB) on every `rasa train`, even when every component
# comes from its cache, so four starts of `make run` left four identical models. This script
# fingerprints everything a training reads (data, domain, config, the custom components and
# training fixes, the pinned libraries, which spaCy Dutch variant is installed, the arguments)
# and trains only when no model was made from that fingerprint.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

fingerprint() {
  {
    find data domain components -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.py' \) -print0 \
      | sort -z | xargs -0 sha256sum
    sha256sum config.yml constraints.txt spoorwijzer_rasa/patches.py
    python -c 'import importlib.util as u; print("nl_core_news_sm", u.find_spec("nl_core_news_sm") is not None)'
    echo "fast=${SPOORWIJZER_FAST_TRAINING:-1} args=$*"
  } | sha256sum | cut -c1-16
}

mkdir -p models
wanted=$(fingerprint "$@")
stamp="models/.fingerprint-$wanted"
if [ -f "$stamp" ] && model=$(cat "$stamp") && [ -f "models/$model" ]; then
  touch "models/$model"  # the newest model is the one Rasa loads from models/
  echo "==> model is actueel ($model); niet opnieuw getraind"
  exit 0
fi

# Training has the machine to itself: TensorFlow may use every core (scripts/env.sh gives a
# serving Rasa process one thread, so the action server has the other). The seeds are fixed;
# more threads only change the order of floating-point additions.
export TF_INTRA_OP_PARALLELISM_THREADS="${TRAIN_THREADS:-$(nproc)}"
export TF_INTER_OP_PARALLELISM_THREADS="${TRAIN_THREADS:-$(nproc)}"
# spoorwijzer_rasa: Rasa's own command line with the project's runtime; the training fixes (similar-length
# batches, one trace of the training step) live in components/diet.py and take a third to half off the
# training time; measured over several seeds in docs/benchmarks.md (#18, #28 stap 8).
# SPOORWIJZER_FAST_TRAINING=0 trains as stock Rasa does.
before=$(ls -t models/*.tar.gz 2>/dev/null | head -n 1 || true)
python -m spoorwijzer_rasa train --domain domain --config config.yml --data data --out models "$@"
after=$(ls -t models/*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -n "$after" ] && [ "$after" != "$before" ]; then
  basename "$after" > "$stamp"
fi
