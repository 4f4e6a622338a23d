"""Reviewing beside the question (issue 11), walked in a real browser with axe-core on every
page: the secretaris types in two opmerking boxes and places one, amends the formal reactie
and reads the business case; the adviseur records a reactie received by letter and stops
sharing with a reviewer."""

import re

import pytest
from playwright.sync_api import expect

from afweging.services import afweging_aanmaken
from casussen.models import Gemeente
from review import services as review
from tests.e2e.conftest import inloggen
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def gedeelde_afweging(gegevens):
    adviseur, secretaris = gegevens["adviseur"], gegevens["secretaris"]
    afweging = afweging_aanmaken(
        door=adviseur,
        velden={"titel": "Fusie Leiderdorp en Zoeterwoude", "variant": "openbaar_lichaam",
                "frictiekostenbudget": 300000},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )  # fmt: skip
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return afweging


def test_de_secretaris_reviewt_naast_de_vraag_en_leest_de_businesscase(
    gegevens, nieuwe_pagina, toegankelijk
):
    afweging = gedeelde_afweging(gegevens)
    # Leiderdorp reacted earlier and the provincie answered that reactie.
    reactie = review.reactie_geven(
        onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0547"),
        auteur=gegevens["secretaris"], standpunt="instemmend",
        tekst="Leiderdorp stemt in als de evaluatie na drie jaar komt.", versie=0,
    )  # fmt: skip
    review.reactie_beantwoorden(
        reactie=reactie, door=gegevens["adviseur"], tekst="De evaluatie komt na drie jaar."
    )

    s = nieuwe_pagina()
    inloggen(s, "e2e-secretaris")
    s.goto(f"{s.basis}/afwegingen/{afweging.pk}/")
    toegankelijk(s, "uitkomst als reviewer")

    # Type in two boxes, place one: the other keeps its text.
    s.get_by_label("Uw opmerking bij deelvraag 2").fill("Hoe sterk is de regio nu al?")
    s.get_by_label("Uw opmerking bij deelvraag 5").fill("Hoe groot is de steun in de raad?")
    s.locator("#dv-opmerkingen-5").get_by_role("button", name="Opmerking plaatsen").click()
    s.wait_for_url(re.compile(r".*#dv-opmerkingen-5$"))
    expect(s.get_by_text("Uw opmerking bij deelvraag 5 is geplaatst.")).to_be_visible()
    assert s.get_by_label("Uw opmerking bij deelvraag 2").input_value() == (
        "Hoe sterk is de regio nu al?"
    )
    assert s.get_by_label("Uw opmerking bij deelvraag 5").input_value() == ""
    # The placed opmerking sits in the row right under deelvraag 5's score and motivation.
    rij = s.locator("#dv-opmerkingen-5")
    expect(rij).to_contain_text("Hoe groot is de steun in de raad?")
    expect(rij.locator("xpath=preceding-sibling::tr[1]/th")).to_contain_text(
        "5. Is er voldoende politiek draagvlak"
    )
    # A reload keeps the unplaced text too (the browser's copy), and it can be placed.
    s.reload()
    assert s.get_by_label("Uw opmerking bij deelvraag 2").input_value() == (
        "Hoe sterk is de regio nu al?"
    )
    s.locator("#dv-opmerkingen-2").get_by_role("button", name="Opmerking plaatsen").click()
    s.wait_for_url(re.compile(r".*#dv-opmerkingen-2$"))
    expect(s.locator("#dv-opmerkingen-2")).to_contain_text("Hoe sterk is de regio nu al?")
    expect(s.locator("#dv-opmerkingen-5")).to_contain_text("Hoe groot is de steun in de raad?")
    assert s.get_by_label("Uw opmerking bij deelvraag 2").input_value() == ""
    toegankelijk(s, "uitkomst met opmerkingen")

    # Amend the formal reactie: the form shows it as it is.
    formulier = s.locator("#reactieformulier-GM0547")
    expect(formulier.get_by_role("heading")).to_have_text(
        "Uw formele reactie namens Leiderdorp aanpassen"
    )
    assert formulier.get_by_label("Toelichting").input_value() == (
        "Leiderdorp stemt in als de evaluatie na drie jaar komt."
    )
    formulier.get_by_label("Niet instemmend").check()
    formulier.get_by_label("Toelichting").fill("Na de raadsvergadering: Leiderdorp stemt niet in.")
    formulier.get_by_role("button", name="Gewijzigde reactie vastleggen").click()
    expect(s.get_by_text("Uw formele reactie is vastgelegd.")).to_be_visible()
    blok = s.locator("#reactie-GM0547")
    expect(blok).to_contain_text("Leiderdorp: Niet instemmend")
    expect(blok).to_contain_text("Dit antwoord gaat over een eerdere versie van de reactie.")
    expect(blok.locator("blockquote")).to_have_text(
        "Leiderdorp stemt in als de evaluatie na drie jaar komt."
    )
    toegankelijk(s, "uitkomst na het aanpassen van de reactie")

    # Read the business case: the figures and the chart, no form.
    s.get_by_role("link", name="Businesscase bekijken", exact=True).click()
    s.wait_for_url(re.compile(rf".*/afwegingen/{afweging.pk}/businesscase/$"))
    expect(s.get_by_role("heading", level=1)).to_contain_text("Businesscase")
    expect(s.locator("#alleen-lezen")).to_contain_text("alleen de adviseurs van de provincie")
    expect(s.locator("#tabel-uitgangspunten")).to_contain_text("€ 300.000")
    # plotly.js drew the chart of the projection.
    grafiek = s.locator("[data-plotly-figuur='grafiek-businesscase']")
    expect(grafiek).to_have_attribute("data-getekend", "ja")
    expect(grafiek.locator(".main-svg").first).to_be_visible()
    expect(s.locator("#tabel-businesscase")).to_contain_text("Cumulatief")
    assert s.get_by_role("button", name="Opslaan en doorrekenen").count() == 0
    assert s.locator("main form, main input, main textarea").count() == 0
    toegankelijk(s, "businesscase als reviewer")


def test_de_adviseur_legt_een_brief_vast_en_stopt_het_delen(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
    toegankelijk,
):
    afweging = gedeelde_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(f"{a.basis}/afwegingen/{afweging.pk}/")
    a.get_by_role("link", name="Reactie van Zoeterwoude vastleggen").click()
    a.wait_for_url(re.compile(r".*/reactie/namens/GM0638/$"))
    toegankelijk(a, "reactie namens")

    # Without a choice: the error summary links to the first radio button.
    a.get_by_role("button", name="Reactie vastleggen namens Zoeterwoude").click()
    a.get_by_role("link", name="Kies of de reactie per brief of per e-mail binnenkwam.").click()
    expect(a.get_by_label("Brief")).to_be_focused()
    toegankelijk(a, "reactie namens met fouten")
    a.get_by_label("Brief").check()
    a.get_by_label("Instemmend met kanttekeningen").check()
    a.get_by_label("Toelichting").fill(
        "Brief van 3 maart 2026: eens, mits de evaluatie later komt."
    )
    a.get_by_role("button", name="Reactie vastleggen namens Zoeterwoude").click()
    a.wait_for_url(re.compile(r".*#reactie-GM0638$"))
    expect(a.locator("#reactie-GM0638")).to_contain_text(
        "Ontvangen per brief, vastgelegd door Eva Adviseur"
    )

    # Stop sharing: asked first, saying what stays; then the reviewer is out.
    a.get_by_role("link", name="Delen stoppen met Sven Secretaris").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Delen met Sven Secretaris stoppen?")
    expect(a.locator("main")).to_contain_text("niet meer openen")
    toegankelijk(a, "delen stoppen")
    a.get_by_role("button", name="Ja, stop het delen met Sven Secretaris").click()
    expect(a.get_by_text("Het delen met Sven Secretaris is gestopt")).to_be_visible()
    expect(a.locator("#beheer-kop").locator("..")).to_contain_text("Nog met niemand gedeeld.")

    s = nieuwe_pagina()
    inloggen(s, "e2e-secretaris")
    antwoord = s.goto(f"{s.basis}/afwegingen/{afweging.pk}/")
    assert antwoord.status == 404
