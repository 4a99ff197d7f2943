# One task runner. `make serve` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8866
DEMO   := data/demo/proposals/.complete

PORTFOLIO := data/demo/portfolio/proposals.parquet

.PHONY: setup system-deps demo portfolio-demo serve serve-portfolio serve-hub hub-proxy test test-fast lint typecheck bench eval hostile-tally clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/python -c 'from serving.bytecode import compile_project; compile_project()'
	touch $@

# Debian's chromium (browser tests, picture export) and postgresql (store tests).
system-deps:
	@bash scripts/system-deps.sh

$(DEMO): $(STAMP) workbench/demo/*.py
	$(BIN)/workbench demo generate --out data/demo

demo: $(DEMO)

# The demo portfolio's tables, read by notebooks/analysis_examples.ipynb.
$(PORTFOLIO): $(DEMO)
	$(BIN)/workbench portfolio screen data/demo/proposals --out data/demo/portfolio

portfolio-demo: $(PORTFOLIO)

# Voila with the workbench's guards (serving/): Host names checked, kernel websockets bounded,
# and no start on a non-loopback HOST without a token (JUPYTER_TOKEN) or a hub.
VOILA_FLAGS := --no-browser --Voila.ip=$(HOST) --port=$(PORT) --show_tracebacks=False \
  --MappingKernelManager.cull_idle_timeout=900 --MappingKernelManager.cull_interval=60

# One kernel preheated (Voila's pool) unless WORKBENCH_KERNEL_POOL says otherwise: the page
# opened next is served already run and warmed up (docs/serving.md: its memory).
serve: $(STAMP) $(DEMO)
	WORKBENCH_KERNEL_POOL=$${WORKBENCH_KERNEL_POOL-1} \
	  $(BIN)/python -m serving notebooks/review.ipynb $(VOILA_FLAGS)

# The analyst page too: the preheated kernel has read the tables and drawn the charts; once
# the browser shows the page it checks whether the proposals, lists, tables or store changed.
serve-portfolio: $(STAMP) $(DEMO)
	WORKBENCH_KERNEL_POOL=$${WORKBENCH_KERNEL_POOL-1} \
	  $(BIN)/python -m serving notebooks/portfolio.ipynb $(VOILA_FLAGS)

# JupyterHub for a team (deploy/jupyterhub/): the hub's proxy from npm, pinned by the lock file.
HUB_PROXY := deploy/jupyterhub/node_modules/.bin/configurable-http-proxy

$(HUB_PROXY): deploy/jupyterhub/package.json deploy/jupyterhub/package-lock.json
	cd deploy/jupyterhub && npm ci --no-audit --no-fund --loglevel=error
	touch $@

hub-proxy: $(HUB_PROXY)

serve-hub: $(STAMP) $(DEMO) $(HUB_PROXY)
	cd deploy/jupyterhub && ../../$(BIN)/jupyterhub -f jupyterhub_config.py

test: $(STAMP) system-deps $(DEMO) $(HUB_PROXY)
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not e2e and not postgres and not slow"

lint: $(STAMP)
	$(BIN)/ruff check workbench widgets serving tests bench scripts
	$(BIN)/ruff format --check workbench widgets serving tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP) $(DEMO)
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

eval: $(STAMP)
	$(BIN)/python scripts/evaluate_matching.py

hostile-tally: $(STAMP) system-deps
	$(BIN)/python scripts/hostile_tally.py   # the hardening corpora, tallied per class

clean:
	rm -rf $(VENV) data/demo/proposals data/workbench.db* .pytest_cache
