"""The JSON export, built from the schema: what it writes, and that an import gives it back."""

import copy
import io
import json
import warnings
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from afweging.models import Afweging
from afweging.selectors import met_alles
from afweging.services import afweging_aanmaken, nieuwe_versie
from afweging.voorbeeld import maak_voorbeeldafweging
from casussen.models import Gemeente
from uitwisseling.exporteren import als_dict, als_json
from uitwisseling.importeren import importeer

pytestmark = pytest.mark.django_db


@pytest.fixture
def kleine_afweging(adviseur):
    afweging = afweging_aanmaken(
        door=adviseur,
        velden={"titel": "Export", "variant": "centrumconstructie",
                "centrumgemeente": Gemeente.objects.get(code="GM0547")},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )  # fmt: skip
    antwoord = afweging.antwoorden.get(deelvraag__nummer=2)
    antwoord.score, antwoord.motivering = "-1", "Zwakke regio; “aanhalingstekens”, é"
    antwoord.save()
    return afweging


def url(afweging, formaat):
    return reverse("afweging:export", kwargs={"pk": afweging.pk, "formaat": formaat})


def test_the_json_export_carries_the_whole_afweging(adviseur_client, kleine_afweging):
    gegevens = json.loads(adviseur_client.get(url(kleine_afweging, "json")).content)
    assert gegevens["centrumgemeente"] == "GM0547"
    assert [d["gemeentecode"] for d in gegevens["deelnemers"]] == ["GM0547", "GM0638"]
    assert gegevens["antwoorden"][1] == {
        "deelvraag": 2, "oordeel": "-1", "motivering": "Zwakke regio; “aanhalingstekens”, é",
        "bronnen": "",
    }  # fmt: skip
    assert gegevens["uitkomst"]["advies"] == "onvolledig"


def test_exporteer_afweging_prints_the_same_json(adviseur_client, kleine_afweging):
    uit = io.StringIO()
    call_command("exporteer_afweging", str(kleine_afweging.pk), stdout=uit)
    assert json.loads(uit.getvalue()) == json.loads(
        adviseur_client.get(url(kleine_afweging, "json")).content
    )


def test_the_json_text_is_indented_utf8_with_numbers_and_moments_as_before(afweging):
    tekst = als_json(afweging)
    assert tekst == json.dumps(als_dict(afweging), ensure_ascii=False, indent=2)
    assert tekst.startswith('{\n  "formaat": "fusietoets-afweging/1",\n  "id": ')
    assert '"titel": "BAR: centrumconstructie “herzien”",' in tekst
    assert '"taakstelling": 400000,' in tekst  # a whole Decimal is an integer
    assert '"mix_inwoners_pct": 40.5,' in tekst
    # Each share as it was typed (20.0 stays 20.0); the keys in the order the database keeps
    # them (PostgreSQL's jsonb sorts them, SQLite keeps them as written).
    assert '"vaste_verdeling": {\n      "GM0' in tekst
    assert '\n      "GM0489": 50.5' in tekst
    assert '\n      "GM0613": 20.0' in tekst
    assert '"geplande_startdatum": "2028-01-01",' in tekst
    assert '"vastgesteld_op": "2026-03-02T14:30:15.123456+00:00",' in tekst  # not "Z"


# --- the round trip --------------------------------------------------------------------


def _zonder_eigen_velden(document: dict) -> dict:
    """Without what an import makes new: ids and the moments of making and saving."""
    document = copy.deepcopy(document)
    for veld in ["id", "aangemaakt", "gewijzigd"]:
        del document[veld]
    for opmerking in document["opmerkingen"]:
        del opmerking["id"], opmerking["antwoord_op"]
    return document


def _heen_en_terug(afweging, door) -> tuple[dict, dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic warns of a value that does not fit its type
        voor = als_dict(afweging)
        kopie = importeer(als_json(afweging), door)
        na = als_dict(met_alles(Afweging.objects.filter(pk=kopie.pk)).get())
    assert na["id"] == kopie.pk != voor["id"]
    return voor, na


def test_the_example_afweging_goes_there_and_back(adviseur, collega):
    voorbeeld, _ = maak_voorbeeldafweging(door=adviseur)
    voor, na = _heen_en_terug(voorbeeld, collega)
    assert _zonder_eigen_velden(na) == _zonder_eigen_velden(voor)


def test_a_full_afweging_goes_there_and_back(afweging, collega):
    voor, na = _heen_en_terug(afweging, collega)
    assert _zonder_eigen_velden(na) == _zonder_eigen_velden(voor)


def test_whole_numbers_and_seconds_go_there_and_back(afweging, collega):
    Afweging.objects.filter(pk=afweging.pk).update(
        vastgesteld_op=datetime(2026, 3, 2, 14, 30, tzinfo=UTC), taakstelling=Decimal("1E+13")
    )
    afweging.businesscase.vaste_verdeling = {"GM0489": 50, "GM0613": 20.25, "GM0597": 29.75}
    afweging.businesscase.save()
    voor, na = _heen_en_terug(Afweging.objects.get(pk=afweging.pk), collega)
    assert na["businesscase"]["vaste_verdeling"] == {"GM0489": 50, "GM0613": 20.25, "GM0597": 29.75}
    assert _zonder_eigen_velden(na) == _zonder_eigen_velden(voor)


def test_a_split_entered_for_a_former_deelnemer_is_not_exported_and_imports_issue_12(
    afweging, collega
):
    # Entered while GM0363 took part; the form keeps only the deelnemers' fields, so the
    # import refuses a code that is no deelnemer, and the export leaves it out.
    businesscase = afweging.businesscase
    businesscase.vaste_verdeling |= {"GM0363": 0}
    businesscase.verdeelgegevens["fte"]["GM0363"] = {"waarde": 10, "bron": "Formatie 2024"}
    businesscase.save()

    voor, na = _heen_en_terug(Afweging.objects.get(pk=afweging.pk), collega)

    assert "GM0363" not in voor["businesscase"]["vaste_verdeling"]
    assert set(voor["businesscase"]["verdeelgegevens"]["fte"]) == {"GM0489", "GM0613", "GM0597"}
    assert _zonder_eigen_velden(na) == _zonder_eigen_velden(voor)


def test_an_afweging_without_a_business_case_goes_there_and_back(afweging, collega):
    afweging.businesscase.delete()
    voor, na = _heen_en_terug(Afweging.objects.get(pk=afweging.pk), collega)
    assert voor["businesscase"] is None
    assert _zonder_eigen_velden(na) == _zonder_eigen_velden(voor)


def test_a_new_version_goes_there_and_back_without_its_link(afweging, adviseur, collega):
    kopie = nieuwe_versie(afweging=afweging, door=adviseur)
    voor, na = _heen_en_terug(Afweging.objects.get(pk=kopie.pk), collega)
    assert voor["vorige"] == afweging.pk and na["vorige"] is None
    assert _zonder_eigen_velden(na) == _zonder_eigen_velden(voor) | {"vorige": None}


# --- the keys of §6.4.1 (issue 12) -------------------------------------------------------


def test_the_export_carries_the_entered_figures_with_their_sources(afweging):
    businesscase = als_dict(afweging)["businesscase"]
    assert businesscase["verdeelgegevens"]["fte"]["GM0489"] == {
        "waarde": 120.5, "bron": "Formatieoverzicht 2025",
    }  # fmt: skip
    assert businesscase["uurtarieven"] == {"schaal_7_9": {"waarde": 65.5, "bron": "Begroting 2025"}}
    assert businesscase["domeinsleutels"] == [
        {"domein": "P&O en ICT", "aandeel_pct": 60.0, "verdeelsleutel": "fte",
         "bron": "Begroting GR 2025"},
    ]  # fmt: skip


def test_the_export_shows_each_contribution_with_the_key_that_decided_it(afweging):
    verdeling = als_dict(afweging)["businesscase"]["verdeling"]
    assert verdeling["sleutels"] == (
        "P&O en ICT (60,0%) naar formatie (fte per gemeente); de rest volgens een vaste verdeling"
    )
    assert verdeling["onbekend"] is None
    barendrecht = next(b for b in verdeling["bijdragen"] if b["gemeentecode"] == "GM0489")
    # 60% by fte 120,5 of 400; 40% by the fixed 50,5%.
    assert barendrecht["aandeel_pct"] == pytest.approx(60 * 120.5 / 400 + 40 * 0.505)
    po_ict, rest = barendrecht["delen"]
    assert po_ict["domein"] == "P&O en ICT" and po_ict["domeinbron"] == "Begroting GR 2025"
    assert (po_ict["verdeelsleutel"], po_ict["deel_pct"]) == ("fte", pytest.approx(60))
    assert po_ict["grondslagen"] == [
        {"wat": "fte", "waarde": 120.5, "bron": "Formatieoverzicht 2025"}
    ]
    assert (rest["domein"], rest["verdeelsleutel"], rest["aandeel_pct"]) == (
        None, "vast", pytest.approx(50.5),
    )  # fmt: skip
    assert rest["grondslagen"][0]["bron"] == "vaste verdeling, ingevuld door de adviseur"
    assert po_ict["bedrag"] + rest["bedrag"] == pytest.approx(barendrecht["bijdrage"])


def test_an_unknown_figure_is_exported_as_unknown_not_as_zero(afweging):
    businesscase = afweging.businesscase
    del businesscase.verdeelgegevens["fte"]["GM0597"]
    businesscase.save()
    verdeling = als_dict(afweging)["businesscase"]["verdeling"]
    assert verdeling["bijdragen"] == []
    assert verdeling["onbekend"].startswith(
        "Voor de verdeling naar formatie (fte per gemeente) is onbekend: fte van Ridderkerk."
    )


def test_the_split_with_a_member_without_iv3_figures_is_exported_issue_12(maak_afweging):
    # Vijfheerenlanden has no Iv3 figures in the jaarrekening 2023; by inhabitants the
    # overhead entered by the adviseur is shared all the same.
    afweging = maak_afweging(gemeenten=["GM1961", "GM0512"])
    afweging.businesscase.basis_overhead = Decimal("20000000")
    afweging.businesscase.save()
    verdeling = als_dict(afweging)["businesscase"]["verdeling"]
    assert verdeling["onbekend"] is None
    assert {b["gemeentecode"] for b in verdeling["bijdragen"]} == {"GM1961", "GM0512"}

    afweging.businesscase.verdeelsleutel = "begroting"
    afweging.businesscase.save()
    verdeling = als_dict(afweging)["businesscase"]["verdeling"]
    assert verdeling["bijdragen"] == []
    assert "onbekend: geen Iv3-cijfers voor Vijfheerenlanden" in verdeling["onbekend"]
