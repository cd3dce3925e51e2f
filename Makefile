# Vækstaftaler — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
LIGHTHOUSE := scripts/dev/lighthouse
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve test test-fast site check-site validate bench lock clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(READY): requirements.lock $(LIGHTHOUSE)/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	@# Browser tests drive Debian's Chromium (never a downloaded browser build); CHROMIUM may name
	@# another installed Chromium-based browser, as on GitHub's runners.
	[ -x "$${CHROMIUM:-/usr/bin/chromium}" ] || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
	@# make bench scores the pages with Lighthouse, from npm as its lock pins it (with hashes; 12.2.3,
	@# as newer versions need Node 22), installed beside the Python packages in $(VENV)/lighthouse.
	command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	rm -rf $(VENV)/lighthouse && mkdir -p $(VENV)/lighthouse
	cp $(LIGHTHOUSE)/package.json $(LIGHTHOUSE)/package-lock.json $(VENV)/lighthouse/
	npm ci --prefix $(VENV)/lighthouse --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(READY)

serve: $(READY) ## Install everything, then serve the site at http://127.0.0.1:8000, rebuilding on changes
	@# --dirty: a rebuild re-renders only the pages whose Markdown changed (scripts/publish/mkdocs_glue.py);
	@# MkDocs warns about every such build, so strict mode would stop them (make site is strict).
	$(PY) -m mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

test: $(READY) ## Install everything, then run every test
	$(PY) -m pytest

test-fast: $(READY) ## Run the tests that build no site and drive no browser (the unit layer)
	$(PY) -m pytest -m "not slow"

validate: $(READY) ## Check data/ and report every problem
	$(PY) -m scripts validate

site: $(READY) ## Validate data and build the publishable site into site/ (site/ is replaced only if all succeeds)
	@# PUBLIC=1 (the deploy): refuse to build unless SITE_URL is the public https address
	$(PY) -m scripts site $(if $(PUBLIC),--public)

check-site: $(READY) ## Check every link and anchor of the built site/ offline
	$(VENV)/bin/lychee --offline --include-fragments --index-files index.html --root-dir "$(CURDIR)/site" \
		--exclude-path "$(CURDIR)/site/404.html" --no-progress "site/**/*.html"

bench: $(READY) ## Benchmark build and search at 1x-100x the real data; Lighthouse on every page kind
	$(PY) -m scripts bench

lock: ## Refresh requirements.lock (every package pinned, with hashes) after editing requirements.txt
	@# uv, itself from PyPI in a throwaway venv, resolves for every platform (--universal) from
	@# Python 3.11 on, keeps the pins already in the lock that requirements.txt still allows, and
	@# lists the hash of every published file of each pinned version.
	rm -rf build/lockvenv
	$(PYTHON) -m venv build/lockvenv
	build/lockvenv/bin/python -m pip install --quiet uv==0.13.9
	build/lockvenv/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" --output-file requirements.lock requirements.txt
	rm -rf build/lockvenv

clean: ## Remove build output and generated pages
	rm -rf site build
	git clean -fdX docs
