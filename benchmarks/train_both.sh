#!/usr/bin/env bash
# Trains our configuration (as scripts/train.sh does, so SPOORWIJZER_FAST_TRAINING applies) and
# Rasa's default configuration (with Rasa as shipped) on the same data, from scratch, and records
# training time and model size (var/bench/training.json).
# Used by scripts/bench.sh; the models go to var/bench/, not to models/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export TF_INTRA_OP_PARALLELISM_THREADS="$(nproc)" TF_INTER_OP_PARALLELISM_THREADS="$(nproc)"  # as scripts/train.sh
out=var/bench
mkdir -p "$out/models-ours" "$out/models-default"
python benchmarks/bench_turns.py default-config "$out"
setups=("$@"); [ ${#setups[@]} -gt 0 ] || setups=(ours default)  # or only the ones named
for setup in "${setups[@]}"; do
  config=config.yml module=spoorwijzer_rasa
  [ "$setup" = default ] && config="$out/default_config.yml" module=rasa
  rm -f "$out/models-$setup"/*.tar.gz
  # From scratch: `rasa train --force` would still reuse components from Rasa's cache.
  cache=$(mktemp -d)
  start=$SECONDS
  RASA_CACHE_DIRECTORY="$cache" python -m "$module" train --force --domain domain --config "$config" --data data \
    --out "$out/models-$setup" --fixed-model-name "$setup" > "$out/train-$setup.log" 2>&1
  rm -rf "$cache"
  python benchmarks/bench_turns.py record-training "$setup" $((SECONDS - start)) "$out/models-$setup/$setup.tar.gz"
done
