# Activation Functions, computed. `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Material's end-of-life banner is noise in every build log.
export NO_MKDOCS_2_WARNING := 1
# Pin dates written into the site (sitemap) to the last commit, so builds are reproducible.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.DEFAULT_GOAL := help
.PHONY: help install figures site serve test bench clean distclean vendor-katex

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-13s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

install: $(INSTALLED) ## Create .venv with the pinned dependencies (done by every target that needs it)

figures: $(INSTALLED) ## Regenerate figures and tables in docs/generated/ (only what changed)
	$(PY) scripts/generate.py

site: figures ## Build the static site into site/ (strict: any warning fails)
	$(PY) -m mkdocs build --strict --site-dir site

serve: figures ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

test: figures ## Run the whole test suite (module, generated outputs, built site)
	$(PY) -m pytest

bench: $(INSTALLED) ## Time the activation functions on large arrays
	$(PY) -m pytest tests/benchmarks --benchmark-only -o addopts="" -p no:cacheprovider

vendor-katex: $(INSTALLED) ## Refresh the copy of KaTeX in docs/assets/katex/ (needs npm)
	$(PY) scripts/vendor_katex.py

clean: ## Remove every generated file (figures, tables, site, caches); keeps .venv
	rm -rf site docs/generated .cache .pytest_cache .hypothesis .benchmarks
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean ## Also remove .venv
	rm -rf $(VENV)
