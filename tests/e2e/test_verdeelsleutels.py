"""The keys of the report's §6.4.1 in a real browser (issue 12): at 390 px the adviseur gives
the sociaal domein a key of its own (BAR, line 5083), enters the clients with their sources,
is told where a source is missing without losing what was typed, and reads per deelnemer
which key decided the contribution and where its figures came from. Axe checks each state."""

import pytest

from afweging import services
from casussen.models import Gemeente
from tests.e2e.conftest import inloggen
from tests.e2e.test_smal_en_zoom import METING, SMAL

pytestmark = pytest.mark.django_db(transaction=True)

CLIENTEN = {"Barendrecht": "1.000", "Albrandswaard": "1.000", "Ridderkerk": "2.000"}


def test_bar_shares_the_sociaal_domein_by_clients_on_a_phone(
    gegevens, browser, live_server, toegankelijk
):
    afweging = services.afweging_aanmaken(
        door=gegevens["adviseur"],
        velden={"titel": "BAR-gemeenten", "variant": "bedrijfsvoeringsorganisatie"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0489", "GM0613", "GM0597"]),
    )
    context = browser.new_context(viewport=SMAL, locale="nl-NL")
    try:
        p = context.new_page()
        p.set_default_timeout(15_000)
        p.basis = live_server.url
        inloggen(p, "e2e-adviseur")
        p.goto(f"{p.basis}/afwegingen/{afweging.pk}/businesscase/")

        p.get_by_label("Naar ingebracht budget (huidige overhead)").check()
        p.locator("#domeinen summary").click()
        p.get_by_label("Naam van domein 1").fill("Sociaal domein")
        p.get_by_label("Aandeel van domein 1 in de kosten (%)").fill("30")
        p.get_by_label("Verdeelsleutel van domein 1").select_option("clienten")
        p.get_by_label("Bron van het aandeel van domein 1").fill("Begroting BAR 2025")
        p.get_by_text("Cliënten per gemeente").click()
        for naam, aantal in CLIENTEN.items():
            p.get_by_label(f"cliënten {naam}", exact=True).fill(aantal)
            if naam != "Ridderkerk":  # one source forgotten
                p.get_by_label(f"Bron van cliënten {naam}").fill("Monitor sociaal domein 2024")
        p.get_by_role("button", name="Opslaan en doorrekenen").click()

        p.locator("[data-foutmelding]").wait_for()
        bron = p.get_by_label("Bron van cliënten Ridderkerk")
        bron.wait_for()  # its group is open: the field with the message can be seen
        assert p.locator("#error_1_id_clienten_GM0597_bron").inner_text() == (
            "Vermeld de bron van dit gegeven."
        )
        assert p.get_by_label("cliënten Ridderkerk", exact=True).input_value() == "2.000"
        assert p.get_by_label("Naam van domein 1").input_value() == "Sociaal domein"
        assert p.evaluate(METING)["breedte"] <= SMAL["width"]
        toegankelijk(p, "businesscase met een ontbrekende bron (390 px)")

        bron.fill("Monitor sociaal domein 2024")
        p.get_by_role("button", name="Opslaan en doorrekenen").click()
        p.get_by_text("De businesscase is bijgewerkt.").wait_for()
        herkomst = p.locator("#herkomst-bijdragen")
        ridderkerk = herkomst.locator("li", has_text="Ridderkerk").first
        assert (
            "Sociaal domein, 30,0% van de kosten (bron: Begroting BAR 2025): naar cliënten, "
            "aandeel 50,0%" in ridderkerk.inner_text()
        )
        assert "cliënten 2.000 (Monitor sociaal domein 2024)" in ridderkerk.inner_text()
        assert "De rest, 70,0% van de kosten: naar ingebracht budget" in ridderkerk.inner_text()
        rij = p.locator("#tabel-bijdragen tbody tr", has_text="Ridderkerk")
        assert "Sociaal domein (30,0%) naar cliënten" in rij.inner_text()
        assert p.evaluate(METING)["breedte"] <= SMAL["width"]
        toegankelijk(p, "businesscase met een domein naar cliënten (390 px)")
    finally:
        context.close()
