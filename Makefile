# Every target sets up .venv from the pinned requirements on first use.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
# ghp-import -n adds .nojekyll so GitHub Pages serves _redirects and friends as they are.
# Where `make rsync_upload` copies the site: settings or the environment.
SSH_TARGET ?= $(shell $(BIN)/python -c "import publishconf as c; print(getattr(c, 'RSYNC_TARGET', ''))" 2>/dev/null)
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_REMOTE ?= origin
# The search index is built from the finished pages (the binary ships in the wheel).
PAGEFIND := $(BIN)/python -m pagefind --site $(OUTPUTDIR) --quiet
CASEBOOK := PYTHONPATH=plugins $(BIN)/python -m

.PHONY: help html devserver publish clean test check newcase import rsync_upload github bench audit

help:
	@echo 'make html       build the preview site into output/'
	@echo 'make devserver  live preview with autoreload on http://127.0.0.1:$(PORT)'
	@echo 'make publish    production build (publishconf.py, fails on any warning)'
	@echo 'make test       run the whole test suite'
	@echo 'make clean      remove output/ and the content cache'
	@echo 'make check      check every content file; one line per problem'
	@echo 'make newcase TITLE="..."   start a new case file in content/cases/'
	@echo 'make import WXR=export.xml bring in a WordPress export (new files only)'
	@echo 'make rsync_upload          publish, then copy output/ to SSH_TARGET'
	@echo 'make github                publish, then push output/ to the gh-pages branch'
	@echo 'make bench       Casebook against stock Pelican at 1000 and 5000 posts (docs/benchmarks.md)'
	@echo 'make audit       Lighthouse on a case and a condition page (docs/audit.md)'

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

html: $(VENV)/.installed
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)
	$(PAGEFIND)

devserver: $(VENV)/.installed
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) --autoreload --listen --bind 127.0.0.1 --port $(PORT)

publish: check
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) --fatal warnings
	$(PAGEFIND)

clean:
	rm -rf $(OUTPUTDIR) cache

test: $(VENV)/.installed
	$(BIN)/python -m pytest

check: $(VENV)/.installed
	$(CASEBOOK) casebook.cli.check $(INPUTDIR)

newcase: $(VENV)/.installed
	@test -n "$(TITLE)" || { echo 'make newcase: give a title, e.g. make newcase TITLE="Neck pain: treatment of Ana R."'; exit 2; }
	$(CASEBOOK) casebook.cli.newcase --content $(INPUTDIR) "$(TITLE)"

import: $(VENV)/.installed
	@test -n "$(WXR)" || { echo 'make import: give the export file, e.g. make import WXR=export.xml'; exit 2; }
	$(CASEBOOK) casebook.cli.wpimport --content $(INPUTDIR) "$(WXR)"

rsync_upload: publish
	@test -n "$(SSH_TARGET)" || { echo 'make rsync_upload: set RSYNC_TARGET in publishconf.py or SSH_TARGET=host:/path'; exit 2; }
	rsync -rvz --delete --checksum $(OUTPUTDIR)/ $(SSH_TARGET)

github: publish
	$(BIN)/ghp-import -n -m "Publish the site" -b $(GITHUB_PAGES_BRANCH) -r $(GITHUB_REMOTE) -p $(OUTPUTDIR)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

audit: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/audit.py --out docs/audit.md

BENCH_ARGS ?= --sizes 1000 5000 --rounds 3
BENCH_OUT ?= docs/benchmarks.md
bench: $(VENV)/.installed
	$(BIN)/python scripts/bench.py $(BENCH_ARGS) --out $(BENCH_OUT) --notes docs/benchmark-notes.md
