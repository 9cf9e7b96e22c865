#!/usr/bin/env bash
# Trains a model when none matches the current data/config (Rasa compares fingerprints).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# Training has the machine to itself: TensorFlow may use every core (scripts/env.sh gives a
# serving Rasa process one thread, so the action server has the other). The seeds are fixed;
# more threads only change the order of floating-point additions.
export TF_INTRA_OP_PARALLELISM_THREADS="${TRAIN_THREADS:-$(nproc)}"
export TF_INTER_OP_PARALLELISM_THREADS="${TRAIN_THREADS:-$(nproc)}"
# spoorwijzer_rasa: Rasa's own command line with the runtime fixes, including fixes 5 and 6
# (spoorwijzer_rasa/patches.py) that take a third to half off the training time; measured over several
# seeds in docs/benchmarks.md (#18). SPOORWIJZER_FAST_TRAINING=0 trains as stock Rasa does.
python -m spoorwijzer_rasa train --domain domain --config config.yml --data data --out models "$@"
