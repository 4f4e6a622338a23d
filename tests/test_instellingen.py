"""Settings: production mode passes `check --deploy` and refuses to run unconfigured."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    weg = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    omgeving = {k: v for k, v in os.environ.items() if k not in weg}
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_mode_passes_the_deploy_check():
    resultaat = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        PRODUCTIE="1",
        SECRET_KEY="k" * 20 + "-productie-sleutel-alleen-voor-deze-test-" + "x" * 20,
        ALLOWED_HOSTS="fusietoets.example.nl",
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert "no issues" in resultaat.stdout


def test_production_mode_collects_every_static_file_including_plotly(tmp_path):
    resultaat = manage(
        "collectstatic",
        "--noinput",
        PRODUCTIE="1",
        SECRET_KEY="s" * 60,
        ALLOWED_HOSTS="fusietoets.example.nl",
        STATIC_ROOT=str(tmp_path),
    )
    assert resultaat.returncode == 0, resultaat.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for pad in ("vendor/plotly.min.js", "vendor/bootstrap.min.css", "js/grafieken.js"):
        assert pad in manifest


def test_production_mode_refuses_to_start_without_a_secret_key():
    resultaat = manage("check", PRODUCTIE="1", ALLOWED_HOSTS="fusietoets.example.nl")
    assert resultaat.returncode != 0
    assert "SECRET_KEY" in resultaat.stderr


def test_dutch_and_amsterdam():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"


def test_it_runs_on_the_database_that_database_url_names(db):
    from django.db import connection

    verwacht = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == verwacht
