# One entry point for editors, developers and CI. See README.md.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

INPUTDIR ?= $(CURDIR)/content
OUTPUTDIR ?= $(CURDIR)/output
CONFFILE := $(CURDIR)/pelicanconf.py
PUBLISHCONF := $(CURDIR)/publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
# make deploy: rsync target, e.g. DEPLOY_TARGET=www@host:/srv/www/ (or a local folder)
DEPLOY_TARGET ?=
# both cores: the suite builds many real sites. One test at a time to each
# worker, slowest first (tests/conftest.py): neither worker ends alone on a long tail.
PYTEST_ARGS ?= -n 2 --maxschedchunk 1
# The suite writes and deletes a few hundred thousand small files; on a disk much of
# that is the file system's inode work, not the builds. Its temporary folders go to
# /dev/shm (memory) where that has 4 GiB free; the suite peaks near 0.8 GB there
# (docs/architecture.md, Tests). TEST_TMPDIR=folder picks another place.
TEST_TMPDIR ?= $(shell free=$$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $$4}'); \
	[ "$${free:-0}" -gt 4194304 ] && [ -w /dev/shm ] && echo /dev/shm)
# make test: the system tools its tests need (browser, rsync, zbarimg, CJK fonts, npm)
SYSTEM_PACKAGES := tools/system-packages.sh

.PHONY: help venv html serve publish check test deploy clean new ids import

help:
	@echo "make new      a new article file in content/articles/: make new TITLE=标题 CATEGORY=通知公告"
	@echo "make ids      list the streets and the family, studio and team ids articles can name"
	@echo "make import   old site pages (a saved copy) into articles: make import SOURCE=旧网站文件夹"
	@echo "make serve    build content/ and serve it at http://$(HOST):$(PORT), rebuilding on change"
	@echo "make html     development build into output/"
	@echo "make publish  production build into output/ (atomic: the old site stays until the new one is complete)"
	@echo "make check    validate all content, write nothing"
	@echo "make test     run the whole test suite"
	@echo "make deploy   publish, then rsync output/ to DEPLOY_TARGET"
	@echo "make clean    remove output/ and caches"
	@echo "INPUTDIR=… OUTPUTDIR=… override the content and output folders."

# First use creates .venv with the pinned dependencies; later calls reuse it.
$(STAMP): requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

# html, publish, check: after a content problem the tool's Chinese summary is
# the last line, not make's English "make: *** … Error 1" (tools/quiet-failure).
html: $(STAMP)
	@exec tools/quiet-failure $(BIN)/python tools/build.py "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(CONFFILE)"

serve: $(STAMP)
	@exec tools/quiet-failure $(BIN)/python tools/serve.py "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(CONFFILE)" --host "$(HOST)" --port "$(PORT)"

publish: $(STAMP)
	@exec tools/quiet-failure $(BIN)/python tools/publish.py "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(PUBLISHCONF)"

check: $(STAMP)
	@exec tools/quiet-failure $(BIN)/python tools/check.py "$(INPUTDIR)" -s "$(PUBLISHCONF)"

# TITLE and CATEGORY reach the shell as environment variables, unexpanded, so a
# title's quotes, spaces or $ need no escaping.
new: export XCFL_NEW_TITLE = $(value TITLE)
new: export XCFL_NEW_CATEGORY = $(value CATEGORY)
new: $(STAMP)
	@exec tools/quiet-failure $(BIN)/python tools/new.py "$(INPUTDIR)" -s "$(CONFFILE)" --preview "http://$(HOST):$(PORT)" --title "$$XCFL_NEW_TITLE" --category "$$XCFL_NEW_CATEGORY"

ids: $(STAMP)
	@exec tools/quiet-failure $(BIN)/python tools/ids.py "$(INPUTDIR)"

# SOURCE: the old site saved with wget --mirror; IMPORTCONF: its column map
# and selectors (docs/editor-guide/import.md).
IMPORTCONF ?= $(CURDIR)/import.yaml
import: $(STAMP)
	@test -n "$(SOURCE)" || { echo "请设置 SOURCE（旧网站保存副本所在的文件夹），例如 make import SOURCE=/data/old-site"; exit 2; }
	@exec tools/quiet-failure $(BIN)/python tools/import.py "$(SOURCE)" "$(INPUTDIR)" -s "$(CONFFILE)" --config "$(IMPORTCONF)"

# axe-core for the accessibility tests: the exact version in package-lock.json,
# from the npm registry into node_modules/ (git-ignored), never from a CDN.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(AXE)

# Names each missing system tool and how to install it, and stops, before
# anything is installed or any test runs.
test:
	@$(SYSTEM_PACKAGES) check
	@$(MAKE) -s --no-print-directory $(STAMP) $(AXE)  # quiet when up to date
	$(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR) )$(BIN)/python -m pytest $(PYTEST_ARGS)

deploy:
	@test -n "$(DEPLOY_TARGET)" || { echo "请设置 DEPLOY_TARGET，例如 make deploy DEPLOY_TARGET=www@host:/srv/www/"; exit 2; }
	@exec tools/quiet-failure $(MAKE) --no-print-directory publish
	# Files first, then pages, then what the site no longer has: readers never get a page
	# without its files, even from a deploy stopped halfway (tools/deploy.py, docs/hosting.md)
	@exec tools/quiet-failure $(BIN)/python tools/deploy.py "$(OUTPUTDIR)" "$(DEPLOY_TARGET)"

clean:
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache
