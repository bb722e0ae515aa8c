# RightHelp developer commands. `make run` and `make test` set everything up on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Development-only settings; production reads the same names from its environment (config/settings.env.example).
DEV_ENV := SECRET_KEY=development-only-not-secret DEBUG=1 ALLOWED_HOSTS=127.0.0.1,localhost,testserver
SQLITE_DB := sqlite:///$(CURDIR)/db.sqlite3
MANAGE := $(DEV_ENV) DATABASE_URL=$(SQLITE_DB) $(BIN)/python manage.py

.PHONY: setup system-packages run test test-sqlite test-postgres check fix bench clean

setup: $(VENV)/.installed node_modules/.installed righthelp/core/static/css/main.css

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

righthelp/core/static/css/main.css: righthelp/core/scss/main.scss node_modules/.installed
	npm run --silent build:css

# PostgreSQL and Chromium for the test suite (installed with apt-get when missing; needs root or sudo).
system-packages:
	scripts/system-packages

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_borough
	$(MANAGE) runserver 127.0.0.1:8000

test: setup system-packages check test-sqlite test-postgres

test-sqlite: setup
	$(DEV_ENV) DATABASE_URL=sqlite:///$(CURDIR)/test.sqlite3 $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: setup
	$(DEV_ENV) scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

check: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python scripts/lint_org_scope.py
	$(DEV_ENV) DATABASE_URL=$(SQLITE_DB) $(BIN)/python manage.py makemigrations --check --dry-run

fix: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup system-packages
	$(DEV_ENV) scripts/with-postgres $(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles righthelp/core/static/css/main.css db.sqlite3 test.sqlite3
