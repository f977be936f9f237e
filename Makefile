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

.PHONY: help html devserver publish clean test

help:
	@echo 'make html       build the preview site into output/'
	@echo 'make devserver  live preview with autoreload on http://127.0.0.1:$(PORT)'
	@echo 'make publish    production build (publishconf.py, fails on any warning)'
	@echo 'make test       run the whole test suite'
	@echo 'make clean      remove output/ and the content cache'

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

html: $(VENV)/.installed
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

devserver: $(VENV)/.installed
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) --autoreload --listen --bind 127.0.0.1 --port $(PORT)

publish: $(VENV)/.installed
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) --fatal warnings

clean:
	rm -rf $(OUTPUTDIR) cache

test: $(VENV)/.installed
	$(BIN)/python -m pytest
