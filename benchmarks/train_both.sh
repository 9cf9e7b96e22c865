#!/usr/bin/env bash
# Trains our configuration and Rasa's default configuration on the same data, from
# scratch (--force), and records training time and model size (var/bench/training.json).
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
  config=config.yml; [ "$setup" = default ] && config="$out/default_config.yml"
  rm -f "$out/models-$setup"/*.tar.gz
  start=$SECONDS
  rasa train --force --domain domain --config "$config" --data data --out "$out/models-$setup" \
    --fixed-model-name "$setup" > "$out/train-$setup.log" 2>&1
  python benchmarks/bench_turns.py record-training "$setup" $((SECONDS - start)) "$out/models-$setup/$setup.tar.gz"
done
