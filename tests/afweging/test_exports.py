import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging, gemeente):
    afweging = maak_afweging(
        titel="Export", variant="centrumconstructie", centrumgemeente=gemeente("GM0547"),
        gemeenten=["GM0547", "GM0638"],
    )  # fmt: skip
    antwoord = afweging.antwoorden.get(deelvraag__nummer=2)
    antwoord.score, antwoord.motivering = "-1", "Zwakke regio; “aanhalingstekens”, é"
    antwoord.save()
    return afweging


def url(afweging, formaat):
    return reverse("afweging:export", kwargs={"pk": afweging.pk, "formaat": formaat})


def test_csv_has_every_deelvraag_with_score_and_motivation(adviseur_client, afweging):
    response = adviseur_client.get(url(afweging, "csv"))
    assert response.content.startswith("\ufeff".encode())
    rijen = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [int(r["deelvraag"]) for r in rijen] == list(range(1, 9))
    assert rijen[1]["score"] == "−1"
    assert rijen[1]["motivering"] == "Zwakke regio; “aanhalingstekens”, é"


def test_excel_holds_the_same_scores(adviseur_client, afweging):
    response = adviseur_client.get(url(afweging, "xlsx"))
    blad = load_workbook(io.BytesIO(response.content)).active
    assert blad["B1"].value == "Export"
    assert blad["B2"].value == "Onvolledig"
    assert blad["G9"].value == "Zwakke regio; “aanhalingstekens”, é"


def test_an_unknown_format_is_404_and_another_provincie_sees_nothing(
    client, adviseur_client, afweging, ander_adviseur
):
    assert adviseur_client.get(url(afweging, "pdfx")).status_code == 404
    client.force_login(ander_adviseur)
    assert client.get(url(afweging, "csv")).status_code == 404


def test_formulas_in_user_text_stay_text_in_csv_and_excel(adviseur_client, afweging):
    from afweging.models import Afweging

    Afweging.objects.filter(pk=afweging.pk).update(titel="=1+2")
    antwoord = afweging.antwoorden.get(deelvraag__nummer=3)
    antwoord.score, antwoord.motivering = "1", '=HYPERLINK("http://kwaad.example","klik")'
    antwoord.save()
    tekst = adviseur_client.get(url(afweging, "csv")).content.decode("utf-8-sig")
    rij = list(csv.DictReader(io.StringIO(tekst)))[2]
    assert rij["motivering"] == '\'=HYPERLINK("http://kwaad.example","klik")'
    assert rij["score_getal"] == "1"
    blad = load_workbook(io.BytesIO(adviseur_client.get(url(afweging, "xlsx")).content)).active
    assert (blad["B1"].value, blad["B1"].data_type) == ("=1+2", "s")
    assert blad["G10"].data_type == "s"
