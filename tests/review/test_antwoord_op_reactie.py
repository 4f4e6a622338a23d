"""Issue 12: the provincie's answer to a reactie was read from request.POST directly, past
the form that refuses a NUL character, so PostgreSQL answered a 500 (psycopg.DataError).
It is read through a form now: refused in Dutch, the answer shown again as typed."""

import pytest
from django.urls import reverse

from casussen.models import Gemeente
from review import services as review
from tests.html import soep

pytestmark = pytest.mark.django_db


@pytest.fixture
def reactie(maak_afweging, adviseur, secretaris):
    afweging = maak_afweging(titel="Reacties", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return review.reactie_geven(
        onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0489"), auteur=secretaris,
        standpunt="kanttekeningen", tekst="Akkoord als de evaluatie na drie jaar komt.",
    )  # fmt: skip


def foutmelding(pagina, vak):
    """The message the box points to (it also points to its counter)."""
    (melding,) = [
        pagina.find(id=i) for i in vak["aria-describedby"].split()
        if pagina.find(id=i).has_attr("data-foutmelding")
    ]  # fmt: skip
    return melding


def beantwoord(client, reactie, antwoord):
    adres = reverse(
        "afweging:reactie-antwoord", kwargs={"pk": reactie.afweging_id, "reactie_pk": reactie.pk}
    )
    return client.post(adres, {"antwoord": antwoord})


def test_an_answer_with_a_nul_character_is_refused_in_dutch_and_kept(adviseur_client, reactie):
    response = beantwoord(adviseur_client, reactie, "Dank u wel.\x00 We komen erop terug.")
    assert response.status_code == 400
    pagina = soep(response)
    vak = pagina.find("textarea", id=f"reactie-antwoord-{reactie.pk}-antwoord")
    assert vak["aria-invalid"] == "true"
    assert vak.get_text().strip() == "Dank u wel.\x00 We komen erop terug."
    melding = foutmelding(pagina, vak).get_text(" ", strip=True)
    assert melding.startswith("De tekst bevat een onzichtbaar teken")
    reactie.refresh_from_db()
    assert reactie.antwoord == ""


def test_an_empty_answer_is_refused_beside_its_box(adviseur_client, reactie):
    response = beantwoord(adviseur_client, reactie, "   ")
    assert response.status_code == 400
    pagina = soep(response)
    vak = pagina.find("textarea", id=f"reactie-antwoord-{reactie.pk}-antwoord")
    assert foutmelding(pagina, vak).get_text(strip=True) == (
        "Schrijf eerst uw antwoord op de reactie."
    )
    reactie.refresh_from_db()
    assert reactie.antwoord == ""


def test_a_good_answer_is_recorded(adviseur_client, reactie):
    response = beantwoord(adviseur_client, reactie, "  Dank u wel, dat doen we.  ")
    assert response.status_code == 302
    reactie.refresh_from_db()
    assert reactie.antwoord == "Dank u wel, dat doen we."
