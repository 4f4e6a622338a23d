"""The exports of an evaluatie (evaluatie/exports.py): CSV, Excel and JSON with every
indicator and the judgements, user text kept as text, filenames slugified, and the same
access as reading."""

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from casussen.models import Gemeente
from evaluatie.models import Evaluatie, Indicatoroordeel
from kader.models import Evaluatieindicator
from review import services as review
from tests.factories import (
    AdviseurFactory,
    BeheerderFactory,
    EvaluatieFactory,
    ProvincieFactory,
    SecretarisFactory,
)

pytestmark = pytest.mark.django_db

FORMULE = '=HYPERLINK("http://kwaad.example","klik")'


def url(evaluatie, formaat):
    return reverse("evaluatie:export", kwargs={"pk": evaluatie.pk, "formaat": formaat})


def zet(evaluatie, domein, volgorde, **velden):
    Indicatoroordeel.objects.filter(
        evaluatie=evaluatie, indicator__domein__code=domein, indicator__volgorde=volgorde
    ).update(**velden)


@pytest.fixture
def evaluatie(maak_evaluatie):
    """Duivenvoorde with a motivated −1 (quotes, é, a line break), a formula as motivation,
    "onvoldoende informatie", and every other indicator open."""
    evaluatie = maak_evaluatie(titel="Duivenvoorde & Wassenaar: één/twee")
    zet(evaluatie, "publieke_waarde", 1, score="-1", motivering="Zwak; “aanhalingstekens”, é\nregel 2",
        bronnen="Jaarverslag 2024")  # fmt: skip
    zet(evaluatie, "publieke_waarde", 2, score="2", motivering=FORMULE)
    zet(evaluatie, "legitimiteit", 1, score="?", motivering="")
    return evaluatie


def indicator(evaluatie, domein, volgorde) -> Evaluatieindicator:
    return Indicatoroordeel.objects.get(
        evaluatie=evaluatie, indicator__domein__code=domein, indicator__volgorde=volgorde
    ).indicator


def test_csv_has_every_indicator_then_the_judgements(adviseur_client, evaluatie):
    response = adviseur_client.get(url(evaluatie, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="evaluatie-{evaluatie.pk}-duivenvoorde-wassenaar-eentwee.csv"'
    )
    assert response.content.startswith("\ufeff".encode())
    rijen = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["soort"] for r in rijen] == ["indicator"] * 38 + ["domein"] * 3 + ["totaal"]
    eerste = rijen[0]
    eigen = indicator(evaluatie, "publieke_waarde", 1)
    assert {k: eerste[k] for k in ("domein", "code", "indicator", "aspect", "niveau")} == {
        "domein": "Publieke waarde", "code": eigen.code, "indicator": eigen.naam,
        "aspect": eigen.aspect, "niveau": eigen.niveau,
    }  # fmt: skip
    assert (eerste["score"], eerste["score_getal"], eerste["status"]) == ("−1", "-1", "beantwoord")
    assert eerste["motivering"] == "Zwak; “aanhalingstekens”, é\nregel 2"
    assert eerste["bronnen"] == "Jaarverslag 2024"
    # User text stays text: no formula when a spreadsheet opens the file.
    assert rijen[1]["motivering"] == "'" + FORMULE and rijen[1]["score_getal"] == "2"
    # What is missing is said, never a zero.
    onvoldoende = next(r for r in rijen if r["domein"] == "Legitimiteit")
    assert (onvoldoende["score"], onvoldoende["score_getal"], onvoldoende["status"]) == (
        "Onvoldoende informatie", "", "onvoldoende_informatie",
    )  # fmt: skip
    assert (rijen[2]["score"], rijen[2]["score_getal"], rijen[2]["status"]) == ("open", "", "open")
    publiek = rijen[38]
    assert (publiek["domein"], publiek["oordeel"], publiek["regel"]) == (
        "Publieke waarde", "Onvolledig", "1",
    )  # fmt: skip
    assert publiek["uitleg"].startswith("2 van de 13 indicatoren zijn gemotiveerd gescoord")
    assert (publiek["gemiddelde"], publiek["gescoord"], publiek["aantal"]) == ("0.5", "2", "13")
    totaal = rijen[-1]
    assert (totaal["oordeel"], totaal["regel"], totaal["gescoord"], totaal["aantal"]) == (
        "Onvolledig", "1", "2", "38",
    )  # fmt: skip


def test_excel_holds_the_same_scores_and_judgements_as_text(adviseur_client, evaluatie):
    Evaluatie.objects.filter(pk=evaluatie.pk).update(titel="=1+2")
    response = adviseur_client.get(url(evaluatie, "xlsx"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="evaluatie-{evaluatie.pk}-12.xlsx"'
    )
    boek = load_workbook(io.BytesIO(response.content))
    assert boek.sheetnames == ["Scores", "Oordelen"]
    scores = boek["Scores"]
    kop = {scores.cell(r, 1).value: scores.cell(r, 2) for r in range(1, 8)}
    assert (kop["Evaluatie"].value, kop["Evaluatie"].data_type) == ("=1+2", "s")
    assert kop["Van"].value == "Werkorganisatie Duivenvoorde"
    assert kop["Totaaloordeel"].value == "Onvolledig"
    assert kop["Evaluatiekader"].value.startswith("versie 1 (")
    assert [c.value for c in scores[9]] == [
        "domein", "code", "indicator", "aspect", "niveau", "score", "score_getal", "status",
        "motivering", "bronnen",
    ]  # fmt: skip
    assert scores.max_row == 9 + 38
    assert scores["I10"].value == "Zwak; “aanhalingstekens”, é\nregel 2"
    assert (scores["I11"].value, scores["I11"].data_type) == (FORMULE, "s")
    assert scores["F12"].value == "open" and scores["G12"].value is None
    oordelen = boek["Oordelen"]
    rijen = [[c.value for c in rij] for rij in oordelen.iter_rows(min_row=2)]
    assert [(r[0], r[1], r[3]) for r in rijen] == [
        ("domein", "Publieke waarde", "Onvolledig"),
        ("domein", "Legitimiteit", "Onvolledig"),
        ("domein", "Besturing en organisatie", "Onvolledig"),
        ("totaal", None, "Onvolledig"),  # an empty cell
    ]


def test_json_holds_the_evaluatie_as_data(adviseur_client, evaluatie):
    response = adviseur_client.get(url(evaluatie, "json"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('-duivenvoorde-wassenaar-eentwee.json"')
    data = json.loads(response.content)
    assert data["titel"] == "Duivenvoorde & Wassenaar: één/twee"
    assert (data["soort"], data["provincie"], data["status"]) == (
        "evaluatie",
        "Zuid-Holland",
        "concept",
    )
    assert data["fusieorganisatie"] == {
        "naam": "Werkorganisatie Duivenvoorde", "slug": "werkorganisatie-duivenvoorde",
    }  # fmt: skip
    assert data["afweging"] is None
    assert data["deelnemers"] == [
        {"code": g.code, "naam": g.naam, "provincie": "Zuid-Holland",
         "reden": "Deelnemer van de fusie."}
        for g in Gemeente.objects.filter(naam__in=["Voorschoten", "Wassenaar"]).order_by("naam")
    ]  # fmt: skip
    assert data["peildatum"] == "2026-06-01" and data["startdatum_fusie"] == "2013-01-01"
    assert data["evaluatiekader"]["versie"] == 1
    assert data["totaaloordeel"]["oordeel"] == "Onvolledig" and data["totaaloordeel"]["regel"] == 1
    assert [d["code"] for d in data["domeinen"]] == [
        "publieke_waarde", "legitimiteit", "besturing_organisatie",
    ]  # fmt: skip
    publiek = data["domeinen"][0]
    assert (publiek["oordeel"], publiek["gemiddelde"], publiek["gescoord"]) == (
        "Onvolledig",
        0.5,
        2,
    )
    eerste, tweede, derde = publiek["indicatoren"][:3]
    assert (eerste["score"], eerste["score_getal"], eerste["bronnen"]) == (
        "−1",
        -1,
        "Jaarverslag 2024",
    )
    assert tweede["motivering"] == FORMULE  # data, not a spreadsheet: as typed
    assert (derde["score"], derde["score_getal"], derde["status"]) == ("open", None, "open")
    assert data["domeinen"][1]["indicatoren"][0]["status"] == "onvoldoende_informatie"
    assert sum(len(d["indicatoren"]) for d in data["domeinen"]) == 38


ROLLEN = ["anoniem", "leidend", "meelezer", "buiten", "secretaris", "gedeeld", "beheerder"]
# As the report: a gemeentesecretaris of a deelnemer once the evaluatie is shared with them.
VERWACHT = (302, 200, 200, 404, 404, 200, 403)


@pytest.fixture
def bel(db):
    leidend = AdviseurFactory(provincie=ProvincieFactory(code="PV27"))
    gebruikers = {
        "leidend": leidend,
        "meelezer": AdviseurFactory(provincie=ProvincieFactory(code="PV26")),
        "buiten": AdviseurFactory(provincie=ProvincieFactory(code="PV28")),
        "secretaris": SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0376")]),
        "gedeeld": SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0417")]),
        "beheerder": BeheerderFactory(),
    }
    evaluatie = EvaluatieFactory(door=leidend, fusieorganisatie="bel-combinatie")
    review.delen(onderwerp=evaluatie, gebruikers=[gebruikers["gedeeld"]], door=leidend)
    return evaluatie, gebruikers


@pytest.mark.parametrize("formaat", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("rol", ROLLEN)
def test_who_may_export_as_who_may_read(bel, rol, formaat):
    evaluatie, gebruikers = bel
    client = Client()
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    response = client.get(url(evaluatie, formaat))
    assert response.status_code == VERWACHT[ROLLEN.index(rol)], rol
    if response.status_code == 200:
        assert response["Content-Disposition"] == (
            f'attachment; filename="evaluatie-{evaluatie.pk}-evaluatie-bel-combinatie.{formaat}"'
        )


def test_an_unknown_format_is_404(adviseur_client, evaluatie):
    assert adviseur_client.get(url(evaluatie, "pdfx")).status_code == 404
