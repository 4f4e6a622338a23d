"""Load test of Fusietoets on loopback, part of `make bench`.

Serves the app as production does (gunicorn with gunicorn.conf.py, PostgreSQL,
PRODUCTIE=1, collected static files) on 127.0.0.1, with a fresh database loaded with the real reference data, the demo
users and the example afweging. Then wrk (a load generator in C, so that it takes little
of the two cores from the server) runs, each for BELASTING_DUUR seconds at 25 concurrent
connections without pauses:

- load_app_*: a mixed set of logged-in page views by an adviseur and a gemeentesecretaris
  (register, fusieorganisatie, gemeente, kaart, benchmark, afwegingen, uitkomst, rapport,
  a wizard step, the businesscase);
- load_trivial_*: the health check /gezond/ on the same server, as the ceiling.

Every request asks for its connection to be closed, as a reverse proxy in front of
gunicorn does: with kept-alive connections each of the 25 would stay with the process that
accepted it, and an uneven spread over the processes, not the app, would set the figures
(seen here: the same run gave 140 or 280 requests per second).

Prints `name: value` lines: rps, p50 and p95 latency in ms, and errors (failed
connections, time-outs and any answer other than 200). Only loopback is ever addressed.
"""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
POORT = int(os.environ.get("BELASTING_POORT", "8765"))
BASIS = f"http://127.0.0.1:{POORT}"
DUUR = int(os.environ.get("BELASTING_DUUR", "60"))
GEBRUIKERS = int(os.environ.get("BELASTING_GEBRUIKERS", "25"))
DATABASE_URL = os.environ.get(
    "BELASTING_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fusietoets_belasting"
)

LUA = """
local paden = {PADEN}
local i = 0
local fouten = 0
request = function()
  i = i + 1
  local p = paden[(i % #paden) + 1]
  return wrk.format("GET", p[1], {["Cookie"] = p[2], ["Connection"] = "close"})
end
response = function(status, headers, body)
  if status ~= 200 then fouten = fouten + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULTAAT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, '
    .. '"errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def regel(naam: str, waarde) -> None:
    print(f"{naam}: {waarde}", flush=True)


def omgevingen(static_root: str) -> tuple[dict, dict]:
    """The environment to prepare the database in (development mode, which the demo users
    need) and the production environment gunicorn serves in; one secret key for both, as
    the sessions made in the first must be valid in the second."""
    opbouw = dict(os.environ)
    opbouw.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=DATABASE_URL,
        STATIC_ROOT=static_root,
        DJANGO_SETTINGS_MODULE="config.settings",
        # Sharing the example afweging mails the secretaris: not to stdout here.
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    for naam in ("PRODUCTIE", "DEBUG"):
        opbouw.pop(naam, None)
    productie = dict(opbouw)
    productie.update(
        PRODUCTIE="1", ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="0", LOG_LEVEL="ERROR"
    )
    return opbouw, productie


def nieuwe_database() -> None:
    import psycopg

    naam = urlsplit(DATABASE_URL).path.lstrip("/")
    beheer = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as verbinding:
        verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        verbinding.execute(f'CREATE DATABASE "{naam}"')


def beheer(env: dict, *argumenten: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *argumenten],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


SESSIES = """
from django.contrib.auth import get_user_model
from django.test import Client
from afweging.models import Afweging
from review.services import delen
import json
gebruikers = get_user_model().objects
afweging = Afweging.objects.get(is_voorbeeld=True)
delen(onderwerp=afweging, gebruikers=[gebruikers.get(username="secretaris")],
      door=gebruikers.get(username="adviseur"))
cookies = {}
for naam in ("adviseur", "secretaris"):
    client = Client()
    client.force_login(gebruikers.get(username=naam))
    cookies[naam] = client.cookies["sessionid"].value
print(json.dumps({"cookies": cookies, "afweging": afweging.pk}))
"""


def paden(gegevens: dict) -> list[tuple[str, str]]:
    adviseur = f"sessionid={gegevens['cookies']['adviseur']}"
    secretaris = f"sessionid={gegevens['cookies']['secretaris']}"
    a = gegevens["afweging"]
    return [
        ("/", adviseur),
        ("/fusieorganisaties/bar-organisatie/", adviseur),
        ("/gemeenten/gm0547/", adviseur),
        ("/kaart/", adviseur),
        ("/benchmark/?fusieorganisatie=bar-organisatie", adviseur),
        ("/afwegingen/", adviseur),
        (f"/afwegingen/{a}/", adviseur),
        (f"/afwegingen/{a}/condities/", adviseur),
        (f"/afwegingen/{a}/businesscase/", adviseur),
        (f"/afwegingen/{a}/rapport/", adviseur),
        ("/afwegingen/", secretaris),
        (f"/afwegingen/{a}/", secretaris),
        (f"/afwegingen/{a}/rapport/", secretaris),
    ]


def wacht_op_server(proces: subprocess.Popen) -> None:
    for _ in range(120):
        if proces.poll() is not None:
            raise SystemExit("gunicorn stopte tijdens het opstarten")
        try:
            with urllib.request.urlopen(f"{BASIS}/gezond/", timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit("gunicorn antwoordde niet binnen 60 seconden")


def controleer(lijst: list[tuple[str, str]]) -> None:
    """Every page of the mix must answer 200 to its user: a redirect to the login page
    would make the figures meaningless."""
    for pad, cookie in lijst:
        verzoek = urllib.request.Request(BASIS + pad, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
                if antwoord.url != BASIS + pad:
                    raise SystemExit(f"{pad} leidde om naar {antwoord.url}")
        except urllib.error.HTTPError as fout:
            raise SystemExit(f"{pad} gaf {fout.code}") from fout


def wrk(lijst: list[tuple[str, str]], duur: int, map_: str) -> dict:
    lua = LUA.replace(
        "{PADEN}",
        "{" + ", ".join(f'{{"{pad}", "{cookie}"}}' for pad, cookie in lijst) + "}",
    )
    script = Path(map_) / "mix.lua"
    script.write_text(lua)
    uitvoer = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(GEBRUIKERS),
            "--duration",
            f"{duur}s",
            "--timeout",
            "10s",
            "--script",
            str(script),
            BASIS,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for lijn in uitvoer.splitlines():
        if lijn.startswith("RESULTAAT "):
            return json.loads(lijn.removeprefix("RESULTAAT "))
    raise SystemExit(f"wrk gaf geen resultaat:\n{uitvoer}")


def rapporteer(naam: str, resultaat: dict) -> None:
    regel(f"{naam}_rps", round(resultaat["requests"] / (resultaat["duration_us"] / 1e6), 1))
    regel(f"{naam}_p50_ms", round(resultaat["p50_us"] / 1000, 1))
    regel(f"{naam}_p95_ms", round(resultaat["p95_us"] / 1000, 1))
    regel(f"{naam}_errors", resultaat["errors"])


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk ontbreekt: apt-get install wrk (make bench doet dat als root)")
    map_ = tempfile.mkdtemp(prefix="fusietoets-belasting-")
    opbouw, env = omgevingen(str(Path(map_) / "static"))
    nieuwe_database()
    beheer(opbouw, "migrate", "--noinput")
    beheer(env, "collectstatic", "--noinput")
    beheer(opbouw, "laad_referentiedata")
    beheer(opbouw, "maak_demogebruikers")
    beheer(opbouw, "maak_voorbeeldafweging")
    gegevens = json.loads(beheer(opbouw, "shell", "--no-imports", "-c", SESSIES).strip())
    lijst = paden(gegevens)

    server = subprocess.Popen(
        [
            GUNICORN,
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{POORT}",
            # Processes and threads from gunicorn.conf.py, as in production.
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wacht_op_server(server)
        controleer(lijst)
        wrk(lijst, min(10, DUUR), map_)  # Warm up every worker.
        rapporteer("load_app", wrk(lijst, DUUR, map_))
        trivial = [("/gezond/", lijst[0][1])]
        wrk(trivial, min(5, DUUR), map_)
        rapporteer("load_trivial", wrk(trivial, DUUR, map_))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    main()
