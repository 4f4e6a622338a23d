"""The journeys of issue 6 in headless Chromium, with axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from afweging.models import Afweging
from tests.e2e.conftest import inloggen

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_adviseur_completes_shares_and_fixes_an_afweging(gegevens, nieuwe_pagina, toegankelijk):
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    toegankelijk(a, "start")
    a.get_by_role("link", name="Afwegingen").first.click()
    toegankelijk(a, "lijst")
    a.get_by_role("link", name="Nieuwe afweging").click()
    toegankelijk(a, "nieuw")

    # A first try without gemeenten: a Dutch message on the field, the title stays.
    a.get_by_label("Titel van de afweging").fill("Fusie Leiderdorp en Zoeterwoude")
    a.get_by_role("button", name="Afweging aanmaken").click()
    assert a.get_by_text("Kies minstens twee deelnemende gemeenten.").first.is_visible()
    assert (
        a.get_by_label("Titel van de afweging").input_value() == "Fusie Leiderdorp en Zoeterwoude"
    )
    toegankelijk(a, "nieuw met fouten")

    a.get_by_label("Zoek een gemeente").fill("leiderdorp")
    a.get_by_label("Leiderdorp (Zuid-Holland)").check()
    a.get_by_label("Zoek een gemeente").fill("zoeterwoude")
    a.get_by_label("Zoeterwoude (Zuid-Holland)").check()
    a.get_by_label("Klassieke ambtelijke fusie als openbaar lichaam").check()
    a.get_by_label("Budget frictiekosten (euro, eenmalig)").fill("300000")
    a.get_by_role("button", name="Afweging aanmaken").click()
    a.wait_for_url(re.compile(r".*/deelnemers/$"))
    toegankelijk(a, "deelnemers")
    a.get_by_role("button", name="Opslaan en volgende stap").click()
    a.wait_for_url(re.compile(r".*/meerwaarde/$"))
    toegankelijk(a, "meerwaarde")

    # Type, reload mid-way: autosave kept the text.
    a.locator("input[name='antwoorden-0-score'][value='1']").check()
    a.get_by_label("Motivering deelvraag 1").fill("Minder eenpitters bij vergunningen.")
    # (A locator, not wait_for_function: the page's Content Security Policy forbids eval.)
    expect(a.locator("#autosave-status")).to_contain_text("bewaard om")
    a.reload()
    assert (
        a.get_by_label("Motivering deelvraag 1").input_value()
        == "Minder eenpitters bij vergunningen."
    )

    afweging = Afweging.objects.get()
    for stap, nummers in (("meerwaarde", (1, 2, 3)), ("condities", (4, 5, 6)), ("weging", (7, 8))):
        a.goto(f"{a.basis}/afwegingen/{afweging.pk}/{stap}/")
        for i, nummer in enumerate(nummers):
            a.locator(f"input[name='antwoorden-{i}-score'][value='1']").check()
            a.get_by_label(f"Motivering deelvraag {nummer}").fill(f"Motivering bij {nummer}.")
        if stap == "condities":
            toegankelijk(a, "condities")
        a.get_by_role("button", name=re.compile("Opslaan en")).last.click()
        # Wait for the save's own redirect to land (the next step, after the last the
        # uitkomst): going on before it does aborts one of the two navigations.
        volgende = {"meerwaarde": "succesfactoren/", "condities": "weging/", "weging": ""}[stap]
        a.wait_for_url(f"{a.basis}/afwegingen/{afweging.pk}/{volgende}")
        if stap == "meerwaarde":
            toegankelijk(a, "succesfactoren")  # the checklist, step 4
    a.goto(f"{a.basis}/afwegingen/{afweging.pk}/")
    assert a.get_by_role("heading", name="Advies: Positief").is_visible()
    toegankelijk(a, "uitkomst")

    a.get_by_label(re.compile("Sven Secretaris")).check()
    a.get_by_role("button", name="Delen voor review").click()
    assert a.get_by_text("Gedeeld met 1 gemeentesecretaris").is_visible()

    s = nieuwe_pagina()
    inloggen(s, "e2e-secretaris")
    s.goto(f"{s.basis}/afwegingen/{afweging.pk}/")
    toegankelijk(s, "uitkomst als reviewer")
    s.get_by_label("Uw opmerking bij deelvraag 5").fill("Hoe groot is de steun in de raad?")
    s.locator("#dv-opmerkingen-5").get_by_role("button", name="Opmerking plaatsen").click()
    s.get_by_label("Instemmend met kanttekeningen").check()
    s.get_by_label("Toelichting").fill("Leiderdorp stemt in als de evaluatie na drie jaar komt.")
    s.get_by_role("button", name="Reactie vastleggen").click()
    assert s.get_by_text("Uw formele reactie is vastgelegd.").is_visible()

    a.reload()
    a.locator("#dv-opmerkingen-5 textarea").fill("Een ruime meerderheid in beide raden.")
    a.locator("#dv-opmerkingen-5").get_by_role("button", name="Antwoord plaatsen").click()
    a.get_by_role("link", name="Controleren en vaststellen").click()
    a.wait_for_url(re.compile(r".*/vaststellen/$"))
    assert a.get_by_text("Alle 8 deelvragen zijn gemotiveerd beantwoord").is_visible()
    toegankelijk(a, "controleren en vaststellen")
    a.get_by_role("button", name="Afweging vaststellen").click()
    # Without the confirmation: the error summary links to the checkbox.
    a.get_by_role("link", name=re.compile("Vink aan dat u de afweging heeft gecontroleerd")).click()
    a.get_by_label(re.compile("Ik heb de afweging hierboven gecontroleerd")).check()
    a.get_by_role("button", name="Afweging vaststellen").click()
    a.wait_for_url(re.compile(r".*/vastgesteld/$"))
    assert a.get_by_role("heading", name="De afweging is vastgesteld").is_visible()
    toegankelijk(a, "vastgesteld")
    with a.expect_download() as download:
        a.get_by_role("link", name="download het advies als PDF").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    a.goto(f"{a.basis}/afwegingen/{afweging.pk}/rapport/")
    assert a.get_by_text("Leiderdorp stemt in als de evaluatie na drie jaar komt.").is_visible()
    toegankelijk(a, "rapport")


@pytest.mark.parametrize(
    "pad",
    ["/", "/kaart/", "/casussen/", "/casussen/bar/", "/gemeenten/gm0489/",
     "/fusieorganisaties/bar-organisatie/", "/benchmark/?fusieorganisatie=bar-organisatie",
     "/over-de-data/", "/toegankelijkheid/"],
)  # fmt: skip
def test_reference_pages_have_no_serious_accessibility_problems(
    gegevens, nieuwe_pagina, toegankelijk, pad
):
    pagina = nieuwe_pagina()
    inloggen(pagina, "e2e-adviseur")
    pagina.goto(pagina.basis + pad)
    pagina.wait_for_load_state("networkidle")
    toegankelijk(pagina, pad)
