# The README's commands. Everything a fresh machine needs is installed from here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export OPENSEARCH_URL ?= http://127.0.0.1:9200
# Test processes (pytest-xdist, one module per process): most of the suite waits on real servers.
TEST_WORKERS ?= 2

.PHONY: run test stop bench eval install opensearch lint serve serve-stop cluster cluster-stop cluster-status

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@mkdir -p .cache
	@echo "installing newsindex and its dependencies into $(VENV) (log: .cache/install.log) ..."
	@{ $(BIN)/python -m pip install --disable-pip-version-check -U pip && \
	   $(BIN)/python -m pip install --disable-pip-version-check -e '.[dev]'; } >.cache/install.log 2>&1 \
	   || { tail -n 30 .cache/install.log; echo "install failed: see .cache/install.log"; exit 1; }
	@touch $@

install: $(BIN)/.installed

opensearch:
	@scripts/opensearch-local.sh start

# Three nodes on loopback (HTTP 9240-9242, transport +100, 256m heaps). Use it with
# OPENSEARCH_URL=$(CLUSTER_URL): new index versions then get one replica (NEWSINDEX_REPLICAS).
CLUSTER_URL ?= http://127.0.0.1:9240,http://127.0.0.1:9241,http://127.0.0.1:9242

cluster:
	@OPENSEARCH_URL=$(CLUSTER_URL) scripts/opensearch-cluster.sh start

cluster-status:
	@OPENSEARCH_URL=$(CLUSTER_URL) scripts/opensearch-cluster.sh status

cluster-stop:
	@OPENSEARCH_URL=$(CLUSTER_URL) scripts/opensearch-cluster.sh stop

run: install opensearch
	@$(BIN)/newsindex ingest seeds
	@echo
	@echo '$$ newsindex search "Bezdetko"'
	@$(BIN)/newsindex search "Bezdetko"

test: install opensearch
	@$(BIN)/ruff check .
	@$(BIN)/lint-imports
	@$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile --durations=10

lint: install
	@$(BIN)/ruff check .
	@$(BIN)/lint-imports

bench: install opensearch
	@$(BIN)/python -m bench.run

# The held-out corpus of sites no rule names, per source (eval/README.md). EVAL_ARGS="-v" lists failed checks.
eval: install
	@$(BIN)/python eval/score.py $(EVAL_ARGS)

serve: install
	@scripts/prefect-local.sh start

serve-stop:
	@scripts/prefect-local.sh stop

stop:
	@scripts/prefect-local.sh stop
	@scripts/opensearch-local.sh stop
