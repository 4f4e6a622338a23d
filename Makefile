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
	$(VENV)/bin/pytest

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

bench: setup
	$(PY) scripts/bench.py
