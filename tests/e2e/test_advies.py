"""Issue 11, "the advies says what to do", in headless Chromium with axe-core: an old motive
choice asked for and resolved, a positief capped by negative support, the voorwaarden in
plain Dutch and the signalen the journey missed."""

import re

import pytest
from playwright.sync_api import expect

from afweging.models import MOTIEF_ONGESPLITST, Deelnemer
from afweging.services import afweging_aanmaken
from casussen.models import Gemeente
from tests.e2e.conftest import inloggen
from tests.factories import beantwoord_alles

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def duivenvoorde(gegevens):
    """Voorschoten and Wassenaar (Werkorganisatie Duivenvoorde in the register), everything
    at +2 but politiek draagvlak at −1, and Wassenaar still with the old joint motive."""
    afweging = afweging_aanmaken(
        door=gegevens["adviseur"],
        velden={"titel": "Duivenvoorde herzien", "variant": "openbaar_lichaam"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0626", "GM0629"]),
    )
    beantwoord_alles(afweging, score="2")
    afweging.antwoorden.filter(deelvraag__nummer=5).update(score="-1")
    Deelnemer.objects.filter(afweging=afweging, gemeente__code="GM0629").update(
        motieven=["zelfstandigheid", MOTIEF_ONGESPLITST]
    )
    Deelnemer.objects.filter(afweging=afweging, gemeente__code="GM0626").update(
        motieven=["kwetsbaarheid"]
    )
    return afweging


def test_the_advies_names_what_to_do_and_the_old_motive_is_chosen(
    duivenvoorde, nieuwe_pagina, toegankelijk
):
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(f"{a.basis}/afwegingen/{duivenvoorde.pk}/")
    expect(a.get_by_role("heading", name="Advies: Positief onder voorwaarden")).to_be_visible()
    voorwaarden = a.locator("ul.voorwaarden li")
    expect(voorwaarden.first).to_contain_text("Deelvraag 5 (politiek draagvlak) scoort −1.")
    expect(voorwaarden.first).to_contain_text("Iedere raad stemt uitdrukkelijk in met de fusie")
    signalen = a.locator("#signalen-kop ~ div")
    expect(
        signalen.filter(has_text="Deelnemers zitten al in een fusieorganisatie")
    ).to_contain_text(
        "Voorschoten en Wassenaar zijn al deelnemer van Werkorganisatie Duivenvoorde (actief, "
        "sinds 2013)."
    )
    expect(signalen.filter(has_text="Motief over herindeling nog niet gekozen")).to_be_visible()
    toegankelijk(a, "uitkomst")

    a.goto(f"{a.basis}/afwegingen/{duivenvoorde.pk}/deelnemers/")
    wassenaar = a.locator("section.card", has_text="Wassenaar")
    expect(wassenaar.get_by_role("note")).to_contain_text(
        "Bij deze gemeente staat nog de oude keuze ‘Herindeling voorkomen of erop vooruitlopen’."
    )
    oud = wassenaar.get_by_label(re.compile(r"oude keuze, nog te splitsen"))
    expect(oud).to_be_checked()
    toegankelijk(a, "deelnemers met de oude keuze")
    wassenaar.get_by_label("Een herindeling voorkomen").check()
    expect(a.locator("#autosave-status")).to_contain_text("bewaard om")
    a.reload()
    wassenaar = a.locator("section.card", has_text="Wassenaar")
    expect(wassenaar.get_by_label("Een herindeling voorkomen")).to_be_checked()
    expect(wassenaar.get_by_label(re.compile(r"oude keuze"))).to_have_count(0)
    expect(wassenaar.get_by_role("note")).to_have_count(0)

    a.goto(f"{a.basis}/afwegingen/{duivenvoorde.pk}/")
    expect(a.get_by_text("Motief over herindeling nog niet gekozen")).to_have_count(0)
    assert Deelnemer.objects.get(afweging=duivenvoorde, gemeente__code="GM0629").motieven == [
        "zelfstandigheid",
        "herindeling_voorkomen",
    ]
