"""An evaluatie from the register to its vastgestelde PDF in a real browser (issue 13): the
adviseur opens Werkorganisatie Duivenvoorde in the register, starts an evaluatie, scores every
indicator of the three domeinen, shares it with Voorschoten's gemeentesecretaris, who reacts;
then the check page, vaststellen (first without the confirmation: the error has focus and
nothing is frozen), and the PDF, which is the stored one byte for byte. axe-core checks every
page on WCAG 2.1 A/AA.

With E2E_SCHERMAFDRUKKEN=1 the pages are kept as PNG and the PDF as a file in
e2e-schermafdrukken/, to look at (pdftoppm renders its pages).
"""

import io
import os
import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from pypdf import PdfReader

from casussen.models import Gemeente
from evaluatie.models import Evaluatie
from gebruikers.models import Gebruiker
from review import services as review
from tests.e2e.conftest import SCHERMAFDRUKKEN, WACHTWOORD, inloggen
from tests.e2e.test_evaluatie import BEWAARD, schermafdruk

pytestmark = pytest.mark.django_db(transaction=True)

DOMEINEN = ("Publieke waarde", "Legitimiteit", "Besturing en organisatie")


def score(i: int) -> str:
    """Mostly positive, a few negative and neutral: a judgement the rules have to weigh."""
    return ("2", "1", "1", "0", "-1")[i % 5]


def scoor_het_domein(pagina) -> int:
    aantal = pagina.locator("textarea[name$='-motivering']").count()
    for i in range(aantal):
        pagina.locator(f"input[name='oordelen-{i}-score'][value='{score(i)}']").check()
        pagina.get_by_label(f"Motivering indicator {i + 1}", exact=True).fill(
            f"Onderbouwd met de jaarverslagen, punt {i + 1}."
        )
    expect(pagina.locator("#autosave-status")).to_contain_text(BEWAARD)
    return aantal


def test_duivenvoorde_van_register_tot_vastgestelde_pdf(gegevens, nieuwe_pagina, toegankelijk):
    adviseur = gegevens["adviseur"]
    adviseur.provincie = Gemeente.objects.get(code="GM0629").provincie  # Zuid-Holland
    adviseur.save()
    vera = Gebruiker.objects.create_user(
        "e2e-voorschoten", password=WACHTWOORD, first_name="Vera", last_name="Voorschoten"
    )
    vera.groups.add(Group.objects.get(name="gemeentesecretaris"))
    vera.gemeenten.add(Gemeente.objects.get(code="GM0626"))

    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.get_by_role("link", name="Register").click()
    a.get_by_role("link", name="Werkorganisatie Duivenvoorde").first.click()
    a.get_by_role("link", name="Evaluatie starten").click()
    a.get_by_label("Titel van de evaluatie").fill("Duivenvoorde na dertien jaar")
    a.get_by_label("Peildatum").fill("2026-06-01")
    a.get_by_role("button", name="Evaluatie starten").click()
    a.wait_for_url(re.compile(r".*/evaluaties/\d+/publieke_waarde/$"))
    evaluatie = Evaluatie.objects.get()

    # Every indicator of every domein, each domein saved with its button.
    totaal = 0
    for n, domein in enumerate(DOMEINEN):
        expect(a).to_have_title(re.compile(f"^{domein} – "))
        totaal += scoor_het_domein(a)
        knop = "Opslaan en volgend domein" if n < 2 else "Opslaan en naar het overzicht"
        a.get_by_role("button", name=knop).click()
        a.wait_for_load_state()
    a.wait_for_url(re.compile(rf".*/evaluaties/{evaluatie.pk}/(#.*)?$"))
    assert totaal == 38
    assert evaluatie.oordelen.exclude(motivering="").count() == 38
    toegankelijk(a, "overzicht, alles gescoord")

    # Shared with Voorschoten's gemeentesecretaris, who gives her gemeente's reactie.
    a.get_by_label("Vera Voorschoten (Voorschoten)").check()
    a.get_by_role("button", name="Delen voor review").click()
    expect(a.locator("#gedeeld-met")).to_contain_text("Vera Voorschoten")
    review.reactie_geven(
        onderwerp=evaluatie, gemeente=Gemeente.objects.get(code="GM0626"), auteur=vera,
        standpunt="instemmend", tekst="Voorschoten herkent het beeld.",
    )  # fmt: skip

    # The check before vaststellen: all scored, Wassenaar's missing reactie named.
    a.reload()
    a.get_by_role("link", name="Controleren en vaststellen").click()
    a.wait_for_url(re.compile(r".*/vaststellen/$"))
    expect(a.locator("#volledig-kop + p")).to_have_text(
        "Alle 38 indicatoren zijn gemotiveerd gescoord."
    )
    expect(a.locator("#punten-kop + ul")).to_contain_text("Wassenaar")
    toegankelijk(a, "controleren en vaststellen")
    schermafdruk(a, "vaststellen")

    # Without the confirmation: the summary gets focus, nothing is frozen.
    a.get_by_role("button", name="Evaluatie vaststellen").click()
    melding = a.locator("[data-foutmelding]")
    expect(melding).to_be_focused()
    expect(melding).to_contain_text("Vink aan dat u de evaluatie heeft gecontroleerd")
    evaluatie.refresh_from_db()
    assert evaluatie.status != Evaluatie.Status.VASTGESTELD
    toegankelijk(a, "vaststellen met fout")

    a.get_by_label(re.compile("Ik heb de evaluatie hierboven gecontroleerd")).check()
    a.get_by_role("button", name="Evaluatie vaststellen").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("De evaluatie is vastgesteld")
    toegankelijk(a, "vastgesteld")
    evaluatie.refresh_from_db()
    assert evaluatie.status == Evaluatie.Status.VASTGESTELD
    bewaard = bytes(Evaluatie.objects.values_list("vastgestelde_pdf", flat=True).get())

    with a.expect_download() as download:
        a.get_by_role("link", name="download de evaluatie als PDF").click()
    inhoud = open(download.value.path(), "rb").read()
    assert inhoud == bewaard  # the PDF of that moment, served as stored
    if os.environ.get("E2E_SCHERMAFDRUKKEN"):
        SCHERMAFDRUKKEN.mkdir(exist_ok=True)
        (SCHERMAFDRUKKEN / "evaluatie-vastgesteld.pdf").write_bytes(inhoud)
    tekst = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages).split()
    )
    assert "Duivenvoorde na dertien jaar" in tekst
    assert "Concept" not in tekst
    assert "De kosten tegen gemeenten zonder fusie" in tekst
    assert "Voorschoten herkent het beeld." in tekst
    assert "Wassenaar" in tekst and "Methode en bronnen" in tekst

    # Frozen: the domein's page has no form any more, and says why.
    a.get_by_role("link", name="Naar de evaluatie").click()
    a.get_by_role("link", name="Legitimiteit").first.click()
    a.wait_for_url(re.compile(r".*/legitimiteit/$"))
    assert a.locator("input[name$='-score']").count() == 0
    expect(a.locator("main")).to_contain_text("Deze evaluatie verandert niet meer.")
    toegankelijk(a, "domein van een vastgestelde evaluatie")
