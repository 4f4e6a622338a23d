"""Review of an evaluatie in a real browser, with axe-core on every page (issue 13): the
gemeentesecretaris of Voorschoten finds the evaluatie of Werkorganisatie Duivenvoorde shared
with her, types in two opmerking boxes on a domein's page, places one (the other keeps its
text, also over a reload), and gives her gemeente's formal reactie; the adviseur answers the
opmerking on the same page where she scores, without the answer box joining her scores."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from casussen.models import Gemeente
from evaluatie.models import Evaluatie
from gebruikers.models import Gebruiker
from review import services as review
from review.models import Opmerking
from tests.e2e.conftest import WACHTWOORD, axe_regels, inloggen
from tests.e2e.test_evaluatie import BEWAARD, schermafdruk
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3  # noqa: F401
from tests.factories import EvaluatieFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_de_secretaris_reviewt_een_evaluatie_en_de_adviseur_antwoordt(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
    toegankelijk,
):
    adviseur = gegevens_zonder_iv3["adviseur"]
    vera = Gebruiker.objects.create_user(
        "e2e-voorschoten", password=WACHTWOORD, first_name="Vera", last_name="Voorschoten"
    )
    vera.groups.add(Group.objects.get(name="gemeentesecretaris"))
    vera.gemeenten.add(Gemeente.objects.get(code="GM0626"))
    evaluatie = EvaluatieFactory(door=adviseur, titel="Duivenvoorde na vijf jaar")
    review.delen(onderwerp=evaluatie, gebruikers=[vera], door=adviseur)

    s = nieuwe_pagina()
    inloggen(s, "e2e-voorschoten")
    expect(s.locator("#evaluaties-op-start")).to_contain_text(
        "reactie namens Voorschoten nog te geven"
    )
    s.get_by_role("link", name="Evaluaties", exact=True).click()
    toegankelijk(s, "evaluaties van de secretaris")
    s.get_by_role("link", name="Duivenvoorde na vijf jaar").click()
    toegankelijk(s, "overzicht als reviewer")
    s.locator("#domeinen-kop").scroll_into_view_if_needed()
    s.get_by_role("link", name="Besturing en organisatie").first.click()
    s.wait_for_url(re.compile(r".*/besturing[a-z_]*/$"))
    toegankelijk(s, "domein als reviewer")

    s.get_by_label("Uw opmerking bij indicator 1", exact=True).fill("Wie stuurt de directie aan?")
    s.get_by_label("Uw opmerking bij indicator 2", exact=True).fill("Is de ambtelijke top stabiel?")
    s.locator("div.opmerkingen").nth(1).get_by_role("button", name="Opmerking plaatsen").click()
    s.wait_for_url(re.compile(r".*#opmerkingen-\d+$"))
    expect(
        s.get_by_text("Uw opmerking bij indicator 2 van Besturing en organisatie is geplaatst.")
    ).to_be_visible()
    eerste = Opmerking.objects.get(evaluatie=evaluatie)
    assert eerste.indicator.volgorde == 2
    expect(s.locator(f"#opmerkingen-{eerste.indicator_id}")).to_contain_text(
        "Is de ambtelijke top stabiel?"
    )
    assert s.get_by_label("Uw opmerking bij indicator 1", exact=True).input_value() == (
        "Wie stuurt de directie aan?"
    )
    s.reload()  # The unplaced text is the browser's copy: still there.
    assert s.get_by_label("Uw opmerking bij indicator 1", exact=True).input_value() == (
        "Wie stuurt de directie aan?"
    )
    toegankelijk(s, "domein met een opmerking")
    schermafdruk(s, "review-domein-secretaris")
    s.set_viewport_size({"width": 390, "height": 844})
    schermafdruk(s, "review-domein-secretaris-390")
    s.set_viewport_size({"width": 1280, "height": 900})

    s.goto(f"{s.basis}/evaluaties/{evaluatie.pk}/#reacties-kop")
    formulier = s.locator("#reactieformulier-GM0626")
    formulier.get_by_label("Instemmend met kanttekeningen").check()
    formulier.get_by_label("Toelichting").fill("Voorschoten is tevreden over de dienstverlening.")
    formulier.get_by_role("button", name="Reactie vastleggen").click()
    expect(s.get_by_text("Uw formele reactie is vastgelegd.")).to_be_visible()
    expect(s.locator("#reactie-GM0626")).to_contain_text("Instemmend met kanttekeningen")
    toegankelijk(s, "overzicht met reactie")
    schermafdruk(s, "review-overzicht-secretaris")

    # The adviseur answers on the page where she scores.
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(f"{a.basis}/evaluaties/{evaluatie.pk}/")
    expect(a.locator("#opmerkingen-overzicht")).to_contain_text("1 nog zonder antwoord")
    a.locator("#opmerkingen-overzicht a").first.click()
    toegankelijk(a, "domein met opmerking voor de adviseur")
    schermafdruk(a, "review-domein-adviseur")
    versie = Evaluatie.objects.get(pk=evaluatie.pk).versie
    # She types her answer and reloads before placing it: still there, and her scores
    # were not touched by it.
    a.on("dialog", lambda dialoog: dialoog.accept())
    a.get_by_label("Antwoord op deze opmerking").fill(
        "De directie wordt door het bestuur aangestuurd."
    )
    a.reload()
    assert a.get_by_label("Antwoord op deze opmerking").input_value() == (
        "De directie wordt door het bestuur aangestuurd."
    )
    # The scores' autosave works beside it, and does not take the answer along.
    a.get_by_label("Motivering indicator 1", exact=True).fill("Het bestuur stuurt de directie.")
    expect(a.locator("#autosave-status")).to_have_text(BEWAARD, timeout=15000)
    assert Evaluatie.objects.get(pk=evaluatie.pk).versie == versie + 1
    versie += 1
    a.get_by_role("button", name="Antwoord plaatsen").click()
    expect(
        a.get_by_text("Uw antwoord bij indicator 2 van Besturing en organisatie is geplaatst.")
    ).to_be_visible()
    (antwoord,) = eerste.antwoorden.all()
    assert antwoord.tekst == "De directie wordt door het bestuur aangestuurd."
    # The answer went to review, not into the scores: no save of the evaluatie.
    assert Evaluatie.objects.get(pk=evaluatie.pk).versie == versie
    expect(a.locator(f"#opmerkingen-{eerste.indicator_id}")).to_contain_text(
        "De directie wordt door het bestuur aangestuurd."
    )
    expect(a.locator("#reactie-GM0626")).to_have_count(0)  # Reacties are on the overview.
    a.goto(f"{a.basis}/evaluaties/{evaluatie.pk}/")
    expect(a.locator("#reactie-GM0626")).to_contain_text("Voorschoten is tevreden")
    expect(a.locator("#opmerkingen-overzicht")).not_to_contain_text("nog zonder antwoord")
    schermafdruk(a, "review-overzicht-adviseur")
    # Every landmark has a name of its own (a table's scroll box beside its section).
    assert axe_regels(a, ["landmark-unique"]) == []
    a.goto(f"{a.basis}/terugblik/")
    assert axe_regels(a, ["landmark-unique"]) == []
