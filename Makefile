# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint audit format migrate seeds clean

run: setup seeds
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# A virtual environment with the pinned requirements, rebuilt when they change.
$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

setup: $(BIN)/.installed

migrate: setup
	$(BIN)/python manage.py migrate --noinput

seeds: migrate
	$(BIN)/python manage.py load_seeds

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

# Known vulnerabilities in the pinned requirements (.ci/audit.py), with
# pip-audit from a virtualenv of its own, so its dependencies stay apart.
AUDIT_VENV ?= .venv-audit
$(AUDIT_VENV)/bin/.installed: requirements-audit.txt
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet -r requirements-audit.txt
	touch $@

audit: $(AUDIT_VENV)/bin/.installed
	$(AUDIT_VENV)/bin/python .ci/audit.py

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) $(AUDIT_VENV) db.sqlite3 .pytest_cache .ruff_cache
