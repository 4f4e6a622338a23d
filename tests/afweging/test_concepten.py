"""Issue 12: a draft the autosave kept (a score without a motivation) made the afweging's
pages answer 500 (`TypeError` in selectors.voortgang). Every page that reads the answers
shows the draft, counts it as not answered, and says why."""

import csv
import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.html import soep

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Fusie Leiderdorp en Zoeterwoude", gemeenten=["GM0547", "GM0638"])


def autosave_score_zonder_motivering(client, afweging):
    """Through the real endpoint, as static/js/afweging.js posts while the adviseur types."""
    antwoorden = list(
        afweging.antwoorden.filter(deelvraag__onderdeel__code="meerwaarde").order_by(
            "deelvraag__nummer"
        )
    )
    data = {
        "versie": afweging.versie,
        "_autosave": "1",
        "antwoorden-TOTAL_FORMS": len(antwoorden),
        "antwoorden-INITIAL_FORMS": len(antwoorden),
        "antwoorden-MIN_NUM_FORMS": 0,
        "antwoorden-MAX_NUM_FORMS": 1000,
    }
    for i, antwoord in enumerate(antwoorden):
        score = "1" if antwoord.deelvraag.nummer == 1 else ""
        data |= {
            f"antwoorden-{i}-id": antwoord.pk,
            f"antwoorden-{i}-score": score,
            f"antwoorden-{i}-motivering": "",
            f"antwoorden-{i}-bronnen": "",
        }
    adres = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "meerwaarde"})
    response = client.post(adres, data)
    assert response.json()["opgeslagen"] is True
    assert afweging.antwoorden.get(deelvraag__nummer=1).score == "1"


def adres(naam, afweging, **kwargs):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk, **kwargs})


@pytest.mark.parametrize(
    "stap", ["basis", "deelnemers", "meerwaarde", "succesfactoren", "condities", "weging"]
)
def test_every_step_shows_a_draft_score_as_not_yet_answered(adviseur_client, afweging, stap):
    autosave_score_zonder_motivering(adviseur_client, afweging)
    response = adviseur_client.get(adres("stap", afweging, stap=stap))
    assert response.status_code == 200
    pagina = soep(response)
    assert "0 van 8 deelvragen gemotiveerd beantwoord" in pagina.get_text()
    meerwaarde = pagina.find("a", href=adres("stap", afweging, stap="meerwaarde"))
    assert "0 van 3 ingevuld" in meerwaarde.get_text()


def test_the_meerwaarde_step_keeps_the_draft_score_checked(adviseur_client, afweging):
    autosave_score_zonder_motivering(adviseur_client, afweging)
    pagina = soep(adviseur_client.get(adres("stap", afweging, stap="meerwaarde")))
    assert pagina.find("input", attrs={"name": "antwoorden-0-score", "value": "1"}).has_attr(
        "checked"
    )


def test_the_uitkomst_shows_the_draft_score_and_that_it_does_not_count(adviseur_client, afweging):
    autosave_score_zonder_motivering(adviseur_client, afweging)
    response = adviseur_client.get(adres("uitkomst", afweging))
    assert response.status_code == 200
    tekst = soep(response).get_text(" ", strip=True)
    assert "Volledigheid: 0 van 8 deelvragen gemotiveerd beantwoord" in tekst
    assert "Meerwaarde gemiddeld onbekend (0 van 3 beantwoord)" in tekst
    kop = soep(response).find("th", string=lambda t: t and t.startswith("1. Wat is de bijdrage"))
    assert kop.parent.get_text(" ", strip=True).endswith(
        "+1 Nog geen motivering: deze score telt pas mee als zij gemotiveerd is."
    )


def test_the_rapport_and_its_pdf_show_the_draft_score_as_not_counting(adviseur_client, afweging):
    autosave_score_zonder_motivering(adviseur_client, afweging)
    response = adviseur_client.get(adres("rapport", afweging))
    assert response.status_code == 200
    assert "Nog geen motivering: deze score telt niet mee." in soep(response).get_text()
    pdf = adviseur_client.get(adres("rapport-pdf", afweging))
    assert pdf.status_code == 200
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Nog geen motivering" in tekst
    assert "Advies: Onvolledig" in tekst


def test_the_check_before_vaststellen_names_the_draft_score(adviseur_client, afweging):
    autosave_score_zonder_motivering(adviseur_client, afweging)
    response = adviseur_client.get(adres("vaststellen", afweging))
    assert response.status_code == 200
    tekst = soep(response).get_text(" ", strip=True)
    assert "(kosten, kwaliteit en kwetsbaarheid)? : een score zonder motivering" in tekst


def test_the_exports_carry_the_draft_as_stored(adviseur_client, afweging):
    autosave_score_zonder_motivering(adviseur_client, afweging)
    document = json.loads(adviseur_client.get(adres("export", afweging, formaat="json")).content)
    eerste = next(a for a in document["antwoorden"] if a["deelvraag"] == 1)
    assert (eerste["oordeel"], eerste["motivering"]) == ("1", "")
    inhoud = adviseur_client.get(adres("export", afweging, formaat="csv")).content
    rijen = list(csv.DictReader(io.StringIO(inhoud.decode("utf-8-sig"))))
    assert (rijen[0]["deelvraag"], rijen[0]["score_getal"], rijen[0]["motivering"]) == (
        "1",
        "1",
        "",
    )
    assert adviseur_client.get(adres("export", afweging, formaat="xlsx")).status_code == 200


def test_the_lists_and_start_page_still_show_the_afweging(adviseur_client, afweging):
    autosave_score_zonder_motivering(adviseur_client, afweging)
    for pagina in (reverse("start"), reverse("afweging:lijst")):
        response = adviseur_client.get(pagina)
        assert response.status_code == 200
        assert "Fusie Leiderdorp en Zoeterwoude" in soep(response).get_text()
