"""The terugblik in a real browser: the adviseur finds it in the main menu, reads that the
size difference fired for both ended fusions, records the afloop of a vastgestelde afweging
(first without a source: the error names the field and what was typed stays) and sees it
counted. axe-core checks each page."""

from playwright.sync_api import expect

from afweging.models import Afweging
from tests.e2e.conftest import inloggen
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3, nieuwe_afweging  # noqa: F401
from tests.factories import beantwoord_alles


def naar_terugblik(pagina):
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Terugblik", exact=True
    ).click()
    pagina.wait_for_url(pagina.basis + "/terugblik/")


def test_een_adviseur_legt_een_afloop_vast_en_ziet_hem_in_de_terugblik(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
    toegankelijk,
):
    afweging = beantwoord_alles(nieuwe_afweging(gegevens_zonder_iv3))
    Afweging.objects.filter(pk=afweging.pk).update(status=Afweging.Status.VASTGESTELD)

    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    naar_terugblik(a)
    expect(a.get_by_role("heading", level=1)).to_contain_text("Terugblik")
    expect(a.locator("#bevinding-kop + p + p")).to_contain_text("2 van de 2")
    expect(a.locator("td[headers='rij-grootteverschil groep-register kol-register-beeindigd']")).to_have_text("2 van 2 (100%)")  # fmt: skip
    # A fusion's data are behind a disclosure, reachable by keyboard.
    rij = a.locator("#fusie-uw-samenwerking")
    rij.get_by_text("2 deelnemers").click()
    expect(rij).to_contain_text("34.208 inwoners (rapport §5.2.8")
    toegankelijk(a, "terugblik")

    a.goto(a.basis + afweging.get_absolute_url())
    a.get_by_role("link", name="Afloop vastleggen").click()
    a.get_by_label("Beëindigd").check()
    a.get_by_label("Datum").fill("2025-06-30")
    a.get_by_label("Toelichting").fill("Besloten na de evaluatie")
    a.get_by_role("button", name="Afloop vastleggen").click()
    melding = a.locator("[data-foutmelding]")
    expect(melding).to_contain_text("Noem de bron waaruit de afloop blijkt.")
    expect(a.get_by_label("Toelichting")).to_have_value("Besloten na de evaluatie")
    expect(a.get_by_label("Beëindigd")).to_be_checked()
    toegankelijk(a, "afloop met fout")
    a.get_by_label("Bron").fill("Raadsbesluit Leiderdorp 30 juni 2025")
    a.get_by_role("button", name="Afloop vastleggen").click()
    expect(a.locator("section[aria-labelledby='afloop-kop']")).to_contain_text(
        "Beëindigd op 30 juni 2025"
    )
    toegankelijk(a, "uitkomst met afloop")

    naar_terugblik(a)
    expect(a.locator("#kol-fusietoets-beeindigd")).to_contain_text("n = 1")
    expect(a.locator("#vastgelegdtabel")).to_contain_text("Raadsbesluit Leiderdorp 30 juni 2025")
    toegankelijk(a, "terugblik met afloop")
