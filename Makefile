# Two commands: `make run` (set up and serve with demo content) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Every absolute URL (e-mails printed on the console, sitemap, the admin's
# links) and the default Site (set by `migrate`) follow the port served.
PUBLIC_ORIGIN ?= http://127.0.0.1:$(PORT)
export PUBLIC_ORIGIN
MANAGE := $(PY) manage.py
# Test processes: one per core, at most four (each loads its own demo).
# `make test TEST_WORKERS=0` runs the suite in this one process.
TEST_WORKERS ?= auto

.PHONY: run setup test lint format messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

setup: $(VENV)/.runtime
	mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) compile_translations
	$(MANAGE) ensure_admin
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --no-input --verbosity 0

run: setup
	@echo
	@$(MANAGE) ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@# The e-mail worker runs beside the server and stops with it (Ctrl+C reaches
	@# both; the trap covers the server stopping by itself).
	@$(MANAGE) db_worker --backend notifications --queue-name '*' --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev
	mkdir -p var
	$(MANAGE) compile_translations
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --maxprocesses 4

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs GNU gettext (xgettext, msgfmt); the compiled .mo files are committed.
messages:
	for dir in yanxi_site core home tourism education search api; do \
		(cd $$dir && ../$(PY) ../manage.py makemessages -l en --no-obsolete); \
	done
	$(MANAGE) compile_translations

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
