"""The start page in a real browser (issue 11): login lands on it, the adviseur shares with
a reactietermijn, the secretaris sees what waits for their reactie and by when, and the
adviseur sees "1 nieuwe opmerking" until they open the afweging, then a reactie past its
termijn. The counts are asserted as the user sees them, axe-core checks every start page.

No clock is frozen here (the browser keeps its own time for the session cookie): every date
asserted is one the test chose, and none of the texts asserted changes at midnight."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from review.models import Deling
from tests.e2e.conftest import inloggen
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3, nieuwe_afweging  # noqa: F401
from weergave.datums import datum

TITEL = "Fusie Leiderdorp en Zoeterwoude"


def naar_start(pagina):
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Start", exact=True
    ).click()
    pagina.wait_for_url(pagina.basis + "/start/")


def sectie(pagina, kop_id):
    return pagina.locator(f"section[aria-labelledby='{kop_id}']")


def rij(pagina):
    return pagina.get_by_role("row").filter(has=pagina.get_by_role("link", name=TITEL))


def test_de_startpagina_toont_wat_nieuw_is_en_wat_wacht(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
    toegankelijk,
):
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    termijn = timezone.localdate() + timedelta(days=14)

    # Login lands on the start page, with "Nieuwe afweging" in sight.
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    expect(a.get_by_role("heading", level=1)).to_have_text("Start – Zuid-Holland")
    expect(a.get_by_role("link", name="Nieuwe afweging")).to_be_visible()
    expect(rij(a)).to_contain_text("nog niet gedeeld")
    toegankelijk(a, "start adviseur")

    # Sharing asks for a reactietermijn.
    rij(a).get_by_role("link", name=TITEL).click()
    a.get_by_label(re.compile("Sven Secretaris")).check()
    a.get_by_label("Reactietermijn").fill(termijn.isoformat())
    a.get_by_role("button", name="Delen voor review").click()
    expect(a.get_by_text(f"reactie uiterlijk {datum(termijn)}")).to_be_visible()

    # The secretaris sees what waits for their reactie, and by when.
    s = nieuwe_pagina()
    inloggen(s, "e2e-secretaris")
    expect(s.get_by_role("heading", level=1)).to_have_text("Start – Leiderdorp")
    expect(sectie(s, "wacht-kop")).to_contain_text(
        f"{TITEL}: uw formele reactie namens Leiderdorp, uiterlijk {datum(termijn)}"
    )
    expect(s.get_by_role("link", name="Nieuwe afweging")).to_have_count(0)
    toegankelijk(s, "start secretaris")
    sectie(s, "wacht-kop").get_by_role("link", name=TITEL).click()
    expect(
        s.get_by_text(f"De provincie vraagt uw reactie uiterlijk op {datum(termijn)}.")
    ).to_be_visible()
    s.get_by_label("Uw opmerking bij deelvraag 5").fill("Hoe groot is de steun in de raad?")
    s.locator("#dv-opmerkingen-5").get_by_role("button", name="Opmerking plaatsen").click()
    expect(s.get_by_text("Uw opmerking bij deelvraag 5 is geplaatst.")).to_be_visible()

    # The adviseur's start page shows it as new, and who changed the afweging last.
    naar_start(a)
    expect(sectie(a, "nieuw-kop").get_by_role("listitem")).to_have_text(["1 nieuwe opmerking"])
    expect(rij(a)).to_contain_text("1 nieuwe opmerking")
    expect(rij(a)).to_contain_text("door Sven Secretaris")
    expect(rij(a)).to_contain_text(f"Leiderdorp: uiterlijk {datum(termijn)}")
    toegankelijk(a, "start adviseur met nieuws")

    # Opening the afweging (here by the count's own link) makes it no longer new.
    rij(a).get_by_role("link", name="1 nieuwe opmerking").click()
    expect(a.get_by_text("Hoe groot is de steun in de raad?")).to_be_visible()
    naar_start(a)
    expect(sectie(a, "nieuw-kop")).to_contain_text("Niets nieuw.")
    expect(rij(a)).to_contain_text("niets nieuw")
    expect(sectie(a, "te-laat-kop")).to_contain_text("Geen: elke gemeente heeft gereageerd")

    # The termijn passes without a reactie: it shows as past its termijn.
    verstreken = timezone.localdate() - timedelta(days=3)
    Deling.objects.filter(afweging=afweging).update(reactietermijn=verstreken)
    a.reload()
    expect(sectie(a, "te-laat-kop")).to_contain_text(
        f"{TITEL}: nog geen formele reactie van Leiderdorp, termijn verstreken op "
        f"{datum(verstreken)}"
    )

    # The reactie arrives late: new to the adviseur, and no longer past its termijn.
    s.get_by_label("Instemmend met kanttekeningen").check()
    s.get_by_label("Toelichting").fill("Leiderdorp stemt in als de evaluatie na drie jaar komt.")
    s.get_by_role("button", name="Reactie vastleggen").click()
    expect(s.get_by_text("Uw formele reactie is vastgelegd.")).to_be_visible()
    a.reload()
    expect(sectie(a, "nieuw-kop").get_by_role("listitem")).to_have_text(
        ["1 nieuwe of gewijzigde reactie"]
    )
    expect(sectie(a, "te-laat-kop")).to_contain_text("Geen: elke gemeente heeft gereageerd")
    naar_start(s)
    expect(sectie(s, "wacht-kop")).to_contain_text("Er wacht geen afweging op een reactie van u.")
