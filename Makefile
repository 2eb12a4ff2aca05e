# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test test-parallel test-external test-fast test-dates lint audit bench-setup format migrate seeds clean

# With DEBUG=false (a production-like run), pages name the static files by
# their hashed names: collect them first, or every page is a 500.
run: setup seeds
	@$(BIN)/python -c "import sys; from kzuk_site.env import env_bool; sys.exit(env_bool('DEBUG', True))" \
		&& $(BIN)/python manage.py collectstatic --noinput --verbosity 0 || true
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

# The fast tests in parallel (pytest-xdist), then those that start a process,
# a server or a browser (marker `external`) one at a time. Exit status 5 (no
# test selected, when PYTEST_ARGS narrows the run) is not a failure.
# The two parts are targets of their own so that CI can run one database's
# external part beside the other's tests (.ci/run); `make test` runs both,
# in this order. Not `--dist worksteal`: a worker that steals tests after
# running transactional ones (which empty its database) would run seeded
# tests on an empty database; xdist's default keeps each worker's tests in
# the order pytest-django gives them, transactional ones last.
TEST_WORKERS ?= 2
test: test-parallel test-external

test-parallel: setup
	$(BIN)/python -m pytest -m "not external" -n $(TEST_WORKERS) --durations=15 $(PYTEST_ARGS) || [ $$? -eq 5 ]

test-external: setup
	$(BIN)/python -m pytest -m external --durations=15 $(PYTEST_ARGS) || [ $$? -eq 5 ]

# Everything but the tests that start a process, a server or a browser
# (marker `external`, docs/TESTING.md): a quick run while working.
test-fast: setup
	$(BIN)/python -m pytest -m "not external" $(PYTEST_ARGS)

# The tests of date rules (marker `dates`) with the process's clock moved to
# the last day of the century (tests/conftest.py, --clock): each fixes its own
# "today", so none may depend on the day the suite runs.
TEST_CLOCK_AHEAD ?= 2099-12-31T12:00:00Z
test-dates: setup
	$(BIN)/python -m pytest -m dates -n $(TEST_WORKERS) --clock $(TEST_CLOCK_AHEAD) $(PYTEST_ARGS) || [ $$? -eq 5 ]

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

# The benchmark's peer, Datasette (bench/peer.py, docs/PERFORMANCE.md), in a
# virtualenv of its own: the site never depends on it.
BENCH_VENV ?= .venv-bench
$(BENCH_VENV)/bin/.installed: requirements-bench.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r requirements-bench.txt
	touch $@

bench-setup: $(BENCH_VENV)/bin/.installed

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) $(AUDIT_VENV) $(BENCH_VENV) db.sqlite3 .pytest_cache .ruff_cache
