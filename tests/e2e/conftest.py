"""End-to-end journeys in a real browser: Debian's Chromium driven by Playwright, against
Django's live server, with axe-core checking every page for WCAG 2.1 AA problems.

These tests flush the database after each test (the live server needs real commits), so
each one loads the reference data itself and they run after all other tests.
"""

import json
import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from benchmark.iv3 import laad_iv3
from casussen.models import Gemeente, Provincie
from casussen.referentiedata import laad_referentiedata
from gebruikers.models import Gebruiker
from kader.versies import laad_evaluatiekaders, laad_kaders

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCHERMAFDRUKKEN = Path(__file__).resolve().parents[2] / "e2e-schermafdrukken"
WACHTWOORD = "e2e-wachtwoord-lang-genoeg"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def gegevens(transactional_db):
    laad_referentiedata()
    laad_kaders()
    laad_evaluatiekaders()
    laad_iv3()
    adviseur = Gebruiker.objects.create_user(
        "e2e-adviseur", password=WACHTWOORD, first_name="Eva", last_name="Adviseur",
        provincie=Provincie.objects.get(code="PV28"),
    )  # fmt: skip
    adviseur.groups.add(Group.objects.get(name="adviseur"))
    secretaris = Gebruiker.objects.create_user(
        "e2e-secretaris", password=WACHTWOORD, first_name="Sven", last_name="Secretaris"
    )
    secretaris.groups.add(Group.objects.get(name="gemeentesecretaris"))
    secretaris.gemeenten.add(Gemeente.objects.get(code="GM0547"))
    return {"adviseur": adviseur, "secretaris": secretaris}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # here are plain synchronous setup, so Django's async guard is lifted for them only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def nieuwe_pagina(browser, live_server, request):
    """Pages in fresh browser contexts; a failing test keeps a screenshot of each."""
    paginas = []

    def maak():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        pagina = context.new_page()
        pagina.set_default_timeout(15_000)
        pagina.basis = live_server.url
        paginas.append(pagina)
        return pagina

    yield maak
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        SCHERMAFDRUKKEN.mkdir(exist_ok=True)
        for i, pagina in enumerate(paginas):
            pagina.screenshot(
                path=str(SCHERMAFDRUKKEN / f"{request.node.name}-{i}.png"), full_page=True
            )
    for pagina in paginas:
        pagina.context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    uitkomst = yield
    rapport = uitkomst.get_result()
    setattr(item, f"rep_{rapport.when}", rapport)


def inloggen(pagina, gebruikersnaam):
    pagina.goto(pagina.basis + "/account/login/")
    pagina.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.locator("main").get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(pagina.basis + "/start/")


def axe_controle(pagina) -> list[dict]:
    """Serious and critical WCAG 2.1 A/AA violations on the current page."""
    # Through the DevTools protocol, not as a script tag: the page's Content Security
    # Policy rightly refuses an injected inline script.
    if not pagina.evaluate("typeof axe !== 'undefined'"):
        pagina.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    resultaat = pagina.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in resultaat["violations"]
        if v["impact"] in ("serious", "critical")
    ]  # fmt: skip


def axe_regels(pagina, regels: list[str]) -> list[dict]:
    """Violations of these axe rules, of any impact (best practices such as
    landmark-unique, which the WCAG run above leaves out)."""
    if not pagina.evaluate("typeof axe !== 'undefined'"):
        pagina.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    resultaat = pagina.evaluate(
        "(regels) => axe.run(document, {runOnly: {type: 'rule', values: regels}})", regels
    )
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in resultaat["violations"]]  # fmt: skip


@pytest.fixture
def toegankelijk():
    """Check a page with axe-core and collect the problems, so one test reports all."""
    gevonden = {}

    def controleer(pagina, naam):
        problemen = axe_controle(pagina)
        if problemen:
            gevonden[naam] = problemen

    yield controleer
    assert not gevonden, json.dumps(gevonden, indent=1, ensure_ascii=False)
