# Da Vinci VBPR IG: `make build` publishes the IG into output/, `make test` runs the test suite.
# Everything else is set up on demand (`make setup` is idempotent and quick when already done).

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
IGKIT       := $(BIN)/igkit
NODEENV_DIR := .igkit/nodeenv
STAMPS      := .igkit/stamps

# Offline FHIR packages: ../shared/fhir-packages when it is there (colon-separate more folders).
MIRROR := $(abspath $(wildcard ../shared/fhir-packages))
ifneq ($(MIRROR),)
export IGKIT_PACKAGE_MIRROR ?= $(MIRROR)
endif
export PATH := $(abspath $(NODEENV_DIR))/bin:$(abspath $(BIN)):$(PATH)

.PHONY: setup packages compile validate test build publish bench lint clean browser help
.DEFAULT_GOAL := help

help:
	@echo "make build   compile the FSH, validate the examples and publish the IG into output/"
	@echo "make test    run the test suite (what CI runs)"
	@echo "other targets: setup compile validate publish bench lint clean"

# --- set-up ---------------------------------------------------------------------------------
$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

$(STAMPS)/nodeenv: | $(STAMPS)/venv
	@command -v node >/dev/null 2>&1 || command -v nodejs >/dev/null 2>&1 || { \
	  echo "Node.js is not installed: SUSHI (the FSH compiler) needs Node 18 or newer."; \
	  echo "Install it (Debian: apt-get install nodejs npm) and run make again."; exit 2; }
	@test -x $(NODEENV_DIR)/bin/node || $(BIN)/nodeenv --node=system --quiet $(NODEENV_DIR)
	@touch $@

$(STAMPS)/node_modules: package.json package-lock.json | $(STAMPS)/nodeenv
	@command -v npm >/dev/null 2>&1 || { echo "npm is not installed (Debian: apt-get install npm)."; exit 2; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Always checked (it takes a fraction of a second when everything is in the cache).
packages: $(STAMPS)/venv
	@$(IGKIT) packages install --quiet

setup: $(STAMPS)/venv $(STAMPS)/nodeenv $(STAMPS)/node_modules packages

# --- the IG -----------------------------------------------------------------------------------
compile: setup
	$(IGKIT) compile

validate: setup
	$(IGKIT) test --junit .igkit/junit.xml

publish: setup
	$(IGKIT) publish

build: setup
	$(IGKIT) test
	$(IGKIT) publish

# --- checks -----------------------------------------------------------------------------------
# Headless Chromium for the site's browser test: installed from Debian's packages when missing
# (the test skips, saying why, if that is not possible).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  { apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; } ; } || \
	  echo "note: chromium is not installed; the browser test will be skipped"

test: setup browser
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/run.py

lint: $(STAMPS)/venv
	$(BIN)/ruff check tools tests bench
	$(BIN)/ruff format --check tools tests bench
	$(BIN)/mypy

clean:
	rm -rf fsh-generated output temp template input-cache .igkit/cache .pytest_cache .hypothesis
