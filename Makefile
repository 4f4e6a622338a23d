# Two commands: `make run` sets up and serves the app; `make test` sets up and tests it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test setup bench format clean

$(VENV)/.geinstalleerd: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

setup: $(VENV)/.geinstalleerd

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py laad_referentiedata
	$(PY) manage.py maak_demogebruikers
	$(PY) manage.py maak_voorbeeldafweging
	@echo "Fusietoets draait op http://$(HOST)/ (stoppen met Ctrl+C)"
	$(PY) manage.py runserver $(HOST)

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/pytest

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# In-process figures, then the load test: gunicorn and PostgreSQL on loopback, driven by
# wrk (Debian's package, installed here when missing and running as root).
bench: setup
	$(PY) scripts/bench.py
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	@pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect \
		"$$(ls /etc/postgresql | head -n1)" main start
	$(PY) scripts/belasting.py
