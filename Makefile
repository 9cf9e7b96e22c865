# Spoorwijzer — the two commands for users are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INSTALL_INPUTS := requirements.txt requirements-dev.txt constraints.txt pyproject.toml poortwachter_faces/pyproject.toml \
  scripts/install.sh

.PHONY: install train run shell test test-rules test-python lint bench bench-rules bench-nlu validate topology check-deploy clean

install: $(STAMP)

$(STAMP): $(INSTALL_INPUTS)
	scripts/install.sh
	touch $(STAMP)

# `rasa train` itself skips training when a model with the same data/config fingerprint exists.
train: install
	scripts/train.sh

run: install train
	scripts/run.sh

test: install
	scripts/test.sh

# Faster loops while developing.
test-rules: install
	$(BIN)/python -m pytest -q tests/rules

test-python: install
	$(BIN)/python -m pytest -q

# The lint and format gate of make test; `ruff format .` fixes the layout.
lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# Every Rasa command through the project's runtime, `python -m spoorwijzer_rasa` (spoorwijzer_rasa/__main__.py).
validate: install
	source scripts/env.sh && python -m spoorwijzer_rasa data validate --domain domain --fail-on-warnings

# Turn throughput and latency: Rasa's default configuration, ours, and the replicated
# set-up, plus a 10-minute soak (~50 min; see scripts/bench.sh and docs/benchmarks.md).
bench: install
	scripts/bench.sh

# The replicated set-up on loopback: PostgreSQL, Redis, nginx, 2 Rasa replicas, 1 action server.
topology: install train
	scripts/run-topology.sh

check-deploy:
	scripts/check-deploy.sh

bench-rules: install
	$(BIN)/python benchmarks/bench_rules.py

bench-nlu: install
	source scripts/env.sh && python benchmarks/bench_nlu.py

clean:
	rm -rf models results var .pytest_cache .hypothesis artifacts .venv-deploycheck

# Talk to the assistant in the terminal (starts the action server too).
shell: install train
	source scripts/env.sh && source scripts/servers.sh && trap stop_servers EXIT && start_action_server && \
	  python -m spoorwijzer_rasa shell --model models --endpoints endpoints.yml
