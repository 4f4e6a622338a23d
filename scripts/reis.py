"""The journey of issue 11, counted: how many clicks and fields a complete afweging takes.

An adviseur assesses Alblasserdam, Papendrecht and Hendrik-Ido-Ambacht from the page that login
lands on (proposal, deelnemers, every deelvraag, the business case, sharing), the
gemeentesecretaris of Papendrecht reviews (an opmerking, the formal reactie), and the adviseur
answers, vaststelt and downloads the PDF. Every step is taken the way a user takes it: by
links and buttons from the page at hand, never by typing an address (only login does).

    python scripts/reis.py            # prints `naam: waarde` lines

It builds its own SQLite database in a temporary folder, starts `manage.py runserver` on a free
port and drives Debian's Chromium with Playwright. It counts what a person does, so a check
page or a confirmation adds clicks on purpose: the figures say what the journey costs, not
that fewer is better.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
WACHTWOORD = "reis-wachtwoord-lang-genoeg"
GEMEENTEN = ("Alblasserdam", "Papendrecht", "Hendrik-Ido-Ambacht")

MAAK_GEBRUIKERS = f"""
from django.contrib.auth.models import Group
from casussen.models import Gemeente, Provincie
from gebruikers.models import Gebruiker
a = Gebruiker.objects.create_user("reis-adviseur", password="{WACHTWOORD}", first_name="Eva",
    last_name="Adviseur", provincie=Provincie.objects.get(code="PV28"))
a.groups.add(Group.objects.get(name="adviseur"))
s = Gebruiker.objects.create_user("reis-secretaris", password="{WACHTWOORD}", first_name="Sven",
    last_name="Secretaris")
s.groups.add(Group.objects.get(name="gemeentesecretaris"))
s.gemeenten.add(Gemeente.objects.get(naam="Papendrecht", datum_opheffing__isnull=True))
"""


_open_paginas = []


class Teller:
    def __init__(self):
        self.klikken = 0
        self.velden = 0
        self.paginas = 0
        self.fasen: list[tuple[str, int, int]] = []
        self._begin = (0, 0)

    def fase(self, naam):
        self.fasen.append((naam, self.klikken - self._begin[0], self.velden - self._begin[1]))
        self._begin = (self.klikken, self.velden)

    def klik(self, locator):
        self.klikken += 1
        locator.click()

    def vul(self, locator, tekst):
        self.velden += 1
        locator.fill(tekst)

    def kies(self, locator):
        self.velden += 1
        locator.check()


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def zichtbaar(locator) -> bool:
    return locator.count() > 0 and locator.first.is_visible()


def inloggen(t, p, basis, naam):
    p.goto(basis + "/account/login/")
    t.vul(p.get_by_label("Gebruikersnaam"), naam)
    t.vul(p.get_by_label("Wachtwoord"), WACHTWOORD)
    t.klik(p.locator("main").get_by_role("button", name="Inloggen"))
    p.wait_for_load_state()


def naar_afweging(t, p, titel):
    """From wherever login landed: the afweging's own link, else through the list."""
    link = p.locator("main").get_by_role("link", name=titel, exact=True)
    if not zichtbaar(link):
        t.klik(p.get_by_role("navigation").get_by_role("link", name="Afwegingen").first)
        link = p.locator("main").get_by_role("link", name=titel, exact=True)
    t.klik(link.first)
    p.wait_for_load_state()


def stap_invullen(t, p):
    """Every score on the page +1 with a motivation; every checklist item answered."""
    for radio in p.locator("input[type=radio][name$='-score'][value='1']").all():
        t.kies(radio)
        naam = radio.get_attribute("name").removesuffix("-score")
        t.vul(p.locator(f"textarea[name='{naam}-motivering']"), "Motivering van de reis.")
    groepen = {}
    for radio in p.locator("input[type=radio]:not([name$='-score'])").all():
        groepen.setdefault(radio.get_attribute("name"), radio)
    for radio in groepen.values():
        t.kies(radio)


def reis(basis, t: Teller):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            _reis(browser, basis, t)
        except Exception:
            # A screenshot of each open page (in the working folder) shows where it stopped.
            for i, pagina in enumerate(_open_paginas):
                pagina.screenshot(path=f"reis-fout-{i}.png", full_page=True)
            raise
        browser.close()


def _reis(browser, basis, t: Teller):
    titel = "Ambtelijke fusie " + ", ".join(GEMEENTEN)
    a = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _open_paginas.append(a)
    a.on("load", lambda _: setattr(t, "paginas", t.paginas + 1))
    inloggen(t, a, basis, "reis-adviseur")
    t.fase("inloggen (adviseur)")

    nieuw = a.locator("main").get_by_role("link", name="Nieuwe afweging")
    if not zichtbaar(nieuw):
        t.klik(a.get_by_role("navigation").get_by_role("link", name="Afwegingen").first)
        nieuw = a.get_by_role("link", name="Nieuwe afweging")
    t.klik(nieuw.first)
    t.vul(a.get_by_label("Titel van de afweging"), titel)
    for naam in GEMEENTEN:
        t.vul(a.get_by_label("Zoek een gemeente"), naam.lower())
        t.kies(a.get_by_label(f"{naam} (Zuid-Holland)"))
    t.kies(a.get_by_label("Klassieke ambtelijke fusie als openbaar lichaam"))
    t.vul(a.locator("[name=geplande_startdatum]"), "2028-01-01")
    t.vul(a.locator("[name=geplande_evaluatiedatum]"), "2031-01-01")
    t.vul(a.locator("[name=taakstelling]"), "1200000")
    t.vul(a.locator("[name=frictiekostenbudget]"), "900000")
    t.kies(a.locator("[name=reorganisatie_gecombineerd][value=nee]"))
    t.klik(a.get_by_role("button", name="Afweging aanmaken"))
    a.wait_for_url(re.compile(r".*/deelnemers/$"))
    t.fase("voorstel")

    for kaart in a.locator("section.card").all():
        t.kies(kaart.locator("input[type=radio]").first)
        for vak in kaart.locator("input[type=checkbox]").all()[:2]:
            t.kies(vak)
    t.klik(a.get_by_role("button", name="Opslaan en volgende stap"))
    a.wait_for_load_state()
    t.fase("deelnemers")

    while zichtbaar(a.get_by_role("button", name=re.compile("^Opslaan en"))):
        pad = a.url
        stap_invullen(t, a)
        t.klik(a.get_by_role("button", name=re.compile("^Opslaan en")).last)
        a.wait_for_url(lambda url, pad=pad: url != pad)
    t.fase("deelvragen")

    t.klik(
        a.locator("main")
        .get_by_role(
            "link", name=re.compile("[Bb]usiness ?case (bekijken|aanpassen|invullen|openen)")
        )
        .first
    )
    t.klik(a.get_by_role("button", name=re.compile("^(Opslaan|Doorrekenen)")).first)
    a.wait_for_load_state()
    t.klik(a.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name=titel))
    t.fase("business case")

    t.kies(a.get_by_label(re.compile("Sven Secretaris")))
    termijn = a.get_by_label(re.compile("[Rr]eactietermijn|Reageren vóór"))
    if zichtbaar(termijn):
        t.vul(termijn, "2027-12-31")
    t.klik(a.get_by_role("button", name="Delen voor review"))
    a.wait_for_load_state()
    t.fase("delen")

    s = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _open_paginas.append(s)
    s.on("load", lambda _: setattr(t, "paginas", t.paginas + 1))
    inloggen(t, s, basis, "reis-secretaris")
    naar_afweging(t, s, titel)
    t.fase("inloggen en openen (secretaris)")
    t.vul(s.get_by_label(re.compile("^Uw opmerking bij deelvraag 5")), "Hoe groot is de steun?")
    t.klik(s.locator("#dv-opmerkingen-5").get_by_role("button", name="Opmerking plaatsen"))
    s.wait_for_load_state()
    t.kies(s.get_by_label("Instemmend met kanttekeningen"))
    t.vul(
        s.get_by_label("Toelichting"),
        "Papendrecht stemt in als de evaluatie na drie jaar komt.",
    )
    t.klik(s.get_by_role("button", name="Reactie vastleggen"))
    s.wait_for_load_state()
    t.fase("review (secretaris)")

    t.klik(a.get_by_role("link", name="Fusietoets").first)
    naar_afweging(t, a, titel)
    t.vul(a.locator("#dv-opmerkingen-5 textarea").first, "Een ruime meerderheid in de raden.")
    t.klik(a.locator("#dv-opmerkingen-5").get_by_role("button", name="Antwoord plaatsen"))
    a.wait_for_load_state()
    t.fase("antwoorden (adviseur)")

    t.klik(
        a.get_by_role("button", name="Vaststellen")
        .or_(a.get_by_role("link", name=re.compile("vaststellen$")))
        .first
    )
    a.wait_for_load_state()
    bevestig = a.locator("input[name=bevestigd]")
    if zichtbaar(bevestig):
        t.kies(bevestig)
        t.klik(a.locator("main form").get_by_role("button", name=re.compile("[Vv]aststellen")))
        a.wait_for_load_state()
    with a.expect_download():
        t.klik(a.get_by_role("link", name=re.compile("PDF")).first)
    t.fase("vaststellen en PDF")


def main():
    poort = vrije_poort()
    basis = f"http://127.0.0.1:{poort}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/reis.sqlite3"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        py = [sys.executable, "manage.py"]
        for opdracht in (["migrate", "--noinput"], ["laad_referentiedata"]):
            subprocess.run(py + opdracht, cwd=WORTEL, env=env, check=True, capture_output=True)
        subprocess.run(py + ["shell", "-c", MAAK_GEBRUIKERS], cwd=WORTEL, env=env, check=True)
        server = subprocess.Popen(
            py + ["runserver", "--noreload", f"127.0.0.1:{poort}"], cwd=WORTEL, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            t = Teller()
            reis(basis, t)
        finally:
            server.terminate()
            server.wait()
    for naam, klikken, velden in t.fasen:
        print(f"reis_fase[{naam}]: {klikken} klikken, {velden} velden")
    print(f"reis_klikken: {t.klikken}")
    print(f"reis_velden: {t.velden}")
    print(f"reis_paginas: {t.paginas}")


if __name__ == "__main__":
    main()
