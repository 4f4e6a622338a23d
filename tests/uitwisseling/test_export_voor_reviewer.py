"""Issue 12: a reviewer's export holds what the reviewer's page shows, nothing more.

The adviseur's JSON is the whole document (usernames, with whom it is shared) that an
import reads back; a gemeentesecretaris's names people as their page does and does not say
with whom else it is shared. The scores as CSV and Excel are what every reader's page shows.
"""

import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from afweging.exports import KOLOMMEN
from gebruikers.models import Gebruiker
from uitwisseling.exporteren import als_dict
from uitwisseling.importeren import importeer

pytestmark = pytest.mark.django_db


def export(gebruiker, afweging, formaat):
    client = Client()
    client.force_login(gebruiker)
    response = client.get(
        reverse("afweging:export", kwargs={"pk": afweging.pk, "formaat": formaat})
    )
    assert response.status_code == 200
    return response.content


def naam(gebruiker):
    return gebruiker.get_full_name() or gebruiker.username


def test_a_reviewers_json_names_people_as_their_page_does(afweging, adviseur, secretaris):
    document = json.loads(export(secretaris, afweging, "json"))
    assert document["gedeeld_met"] == []
    assert [o["auteur"] for o in document["opmerkingen"]] == [
        naam(secretaris),
        naam(adviseur),
        naam(secretaris),
    ]
    assert {
        r["gemeentecode"]: (r["auteur"], r["beantwoord_door"]) for r in document["reacties"]
    } == {
        "GM0489": (naam(secretaris), naam(adviseur)),
        "GM0597": (naam(adviseur), None),
    }
    assert document["vastgesteld_door"] == naam(adviseur)
    # No username of anyone, the other reviewer's included, is in the file.
    tekst = export(secretaris, afweging, "json").decode()
    for gebruikersnaam in Gebruiker.objects.values_list("username", flat=True):
        assert f'"{gebruikersnaam}"' not in tekst


def test_a_reviewers_json_is_otherwise_the_same_document(afweging, adviseur, secretaris):
    volledig = als_dict(afweging)
    reviewer = json.loads(export(secretaris, afweging, "json"))
    personen = {"gedeeld_met", "opmerkingen", "reacties", "vastgesteld_door"}
    assert {k: v for k, v in reviewer.items() if k not in personen} == {
        k: v for k, v in volledig.items() if k not in personen
    }
    assert [o["tekst"] for o in reviewer["opmerkingen"]] == [
        o["tekst"] for o in volledig["opmerkingen"]
    ]


def test_the_adviseurs_json_still_has_usernames_and_goes_there_and_back(
    afweging, adviseur, secretaris, collega
):
    document = json.loads(export(adviseur, afweging, "json"))
    assert document == als_dict(afweging)
    assert sorted(document["gedeeld_met"]) == sorted(
        [secretaris.username, "secretaris-albrandswaard"]
    )
    assert document["opmerkingen"][0]["auteur"] == secretaris.username
    kopie = importeer(document, door=collega)
    assert als_dict(kopie)["opmerkingen"][0]["auteur"] == secretaris.username


def test_a_reviewers_scores_are_those_of_the_page(afweging, adviseur, secretaris):
    assert export(secretaris, afweging, "csv") == export(adviseur, afweging, "csv")
    blad = load_workbook(io.BytesIO(export(secretaris, afweging, "xlsx"))).active
    cellen = {str(c.value) for rij in blad.iter_rows() for c in rij if c.value is not None}
    gebruikersnamen = set(Gebruiker.objects.values_list("username", flat=True))
    assert not cellen & gebruikersnamen
    koppen = [[c.value for c in rij] for rij in blad.iter_rows() if rij[0].value == KOLOMMEN[0]]
    assert koppen == [KOLOMMEN]  # the page's scores, no people
