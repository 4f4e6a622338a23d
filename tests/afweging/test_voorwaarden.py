"""The voorwaarden of an advies (issue 11): written for every deelvraag and kritieke
succesfactor of the kaders the app ships (none falls back to the plain text meant for
another kader), and shown with the adviseur's notes on the uitkomst page and in the PDF."""

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from afweging import voorwaarden
from tests.factories import beantwoord_alles

KADERS = sorted(Path(settings.BASE_DIR, "fixtures", "kader").glob("kader_v*.json"))


def test_there_is_a_kader_to_check():
    assert KADERS


@pytest.mark.parametrize("pad", KADERS, ids=lambda pad: pad.stem)
def test_every_deelvraag_and_succesfactor_of_a_shipped_kader_has_its_own_voorwaarde(pad):
    kader = json.loads(pad.read_text(encoding="utf-8"))
    deelvragen = {d["code"] for o in kader["onderdelen"] for d in o["deelvragen"]}
    factoren = {s["code"]: s["fase"] for s in kader["succesfactoren"]}
    assert deelvragen <= set(voorwaarden.DEELVRAGEN)
    assert set(factoren) <= set(voorwaarden.SUCCESFACTOREN)
    assert set(factoren.values()) <= set(voorwaarden.FASEN)


def test_every_voorwaarde_cites_the_report_by_line():
    for _kort, tekst, bron in voorwaarden.DEELVRAGEN.values():
        assert "regel" in bron and "§" in bron
        assert tekst.endswith(".")
    assert all(tekst.endswith(".") for tekst in voorwaarden.SUCCESFACTOREN.values())


# --- on the uitkomst page and in the PDF ---------------------------------------------------


@pytest.fixture
def afweging(maak_afweging):
    """Leiderdorp and Zoeterwoude, every deelvraag +2 except politiek draagvlak at −1, and
    the friction costs not booked, with a note of the adviseur's own."""
    afweging = maak_afweging(gemeenten=["GM0547", "GM0638"])
    beantwoord_alles(afweging, score="2")
    afweging.antwoorden.filter(deelvraag__nummer=5).update(score="-1")
    afweging.succesfactorantwoorden.filter(succesfactor__code="vorming_frictie_inboeken").update(
        status="niet", notitie="Zoeterwoude heeft <geen> budget gereserveerd."
    )
    return afweging


def _tekst(html: bytes) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


@pytest.mark.django_db
def test_the_uitkomst_page_says_what_to_do_and_why(adviseur_client, afweging):
    response = adviseur_client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk}))
    pagina = BeautifulSoup(response.content, "html.parser")
    assert pagina.select_one("#advies-kop").get_text() == "Advies: Positief onder voorwaarden"
    punten = [" ".join(li.get_text(" ").split()) for li in pagina.select("ul.voorwaarden li")]
    assert punten[0].startswith(
        "Deelvraag 5 (politiek draagvlak) scoort −1. Iedere raad stemt uitdrukkelijk in met de "
        "fusie"
    )
    frictie = next(p for p in punten if "Frictietijd en -kosten inboeken" in p)
    assert "Notitie van de adviseur: Zoeterwoude heeft <geen> budget gereserveerd." in frictie
    assert "(Rapport: §8.3 Kritieke succesfactoren bij de totstandkoming (regel 6796))" in frictie
    assert b"&lt;geen&gt;" in response.content  # The note is the adviseur's text: escaped.
    # The rule that decided, and the rules list, say that −1 on support caps the advies.
    tekst = _tekst(response.content)
    assert "het politiek draagvlak (deelvraag 5) scoort −1" in tekst
    beslissend = pagina.select_one("#regels-kop + p + ol li.fw-semibold").get_text(" ")
    assert "Hooguit positief onder voorwaarden als het politiek draagvlak" in beslissend


@pytest.mark.django_db
def test_the_pdf_carries_the_same_voorwaarden(adviseur_client, afweging):
    response = adviseur_client.get(reverse("afweging:rapport-pdf", kwargs={"pk": afweging.pk}))
    tekst = " ".join(
        " ".join(pagina.extract_text().split())
        for pagina in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Advies: Positief onder voorwaarden" in tekst
    assert "Deelvraag 5 (politiek draagvlak) scoort −1." in tekst
    assert "Notitie van de adviseur: Zoeterwoude heeft <geen> budget gereserveerd." in tekst
    assert "Hooguit positief onder voorwaarden als het politiek draagvlak (deelvraag 5)" in tekst
    assert "scoort +0,00" not in tekst and "scoort −1,00" not in tekst
