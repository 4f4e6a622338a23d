"""Stopping to share an afweging with a reviewer (issue 11): asked first, saying what stays;
the reviewer loses access, what they wrote stays in the afweging."""

import pytest
from django.core import mail
from django.urls import reverse

from casussen.models import Gemeente
from kader.models import Deelvraag
from review import services as review
from tests.html import soep

pytestmark = pytest.mark.django_db


def url(naam, afweging, **kwargs):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk, **kwargs})


@pytest.fixture
def gedeeld(maak_afweging, adviseur, secretaris):
    afweging = maak_afweging(titel="Stoppen", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return afweging


@pytest.fixture
def geschreven(gedeeld, secretaris):
    """Two opmerkingen and Barendrecht's reactie by the reviewer."""
    for nummer in (2, 5):
        review.opmerking_plaatsen(
            onderwerp=gedeeld,
            plek=Deelvraag.objects.get(onderdeel__kader=gedeeld.kader, nummer=nummer),
            auteur=secretaris,
            tekst=f"Vraag bij {nummer}",
        )
    review.reactie_geven(
        onderwerp=gedeeld, gemeente=Gemeente.objects.get(code="GM0489"), auteur=secretaris,
        standpunt="instemmend", tekst="Barendrecht stemt in.", versie=0,
    )  # fmt: skip
    return gedeeld


def test_the_uitkomst_page_offers_to_stop_for_each_reviewer(adviseur_client, gedeeld, secretaris):
    deling = gedeeld.delingen.get()
    rij = soep(adviseur_client.get(url("uitkomst", gedeeld))).find(id="gedeeld-met").find("li")
    assert secretaris.get_full_name() in rij.get_text()
    link = rij.find("a")
    assert link["href"] == url("delen-stoppen", gedeeld, deling_pk=deling.pk)
    assert link.get_text(" ", strip=True) == f"Delen stoppen met {secretaris.get_full_name()}"


def test_the_question_says_the_reviewer_loses_access_and_what_stays(
    adviseur_client, geschreven, secretaris
):
    deling = geschreven.delingen.get()
    response = adviseur_client.get(url("delen-stoppen", geschreven, deling_pk=deling.pk))
    pagina = soep(response)
    naam = secretaris.get_full_name()
    assert pagina.h1.get_text(strip=True) == f"Delen met {naam} stoppen?"
    assert "daarna niet meer openen" in pagina.find(class_="lead").get_text()
    blijft = [li.get_text(strip=True) for li in pagina.find(id="blijft").find_all("li")]
    assert blijft == [
        "2 opmerkingen bij de deelvragen, met de antwoorden erop",
        "de formele reactie namens Barendrecht",
    ]
    assert geschreven.delingen.exists(), "asking changes nothing"


def test_stopping_takes_away_access_and_keeps_what_was_written(
    adviseur_client, secretaris_client, geschreven, secretaris, django_capture_on_commit_callbacks
):
    secretaris.email = "secretaris@barendrecht.example"
    secretaris.save()
    client = secretaris_client
    assert client.get(url("uitkomst", geschreven)).status_code == 200
    deling = geschreven.delingen.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = adviseur_client.post(url("delen-stoppen", geschreven, deling_pk=deling.pk))
    assert response["Location"] == url("uitkomst", geschreven) + "#beheer-kop"
    assert not geschreven.delingen.exists()
    assert geschreven.opmerkingen.count() == 2
    assert geschreven.reacties.get().tekst == "Barendrecht stemt in."
    assert geschreven.wijzigingen.first().wat == f"Delen gestopt met {secretaris.get_full_name()}"
    assert mail.outbox[-1].to == ["secretaris@barendrecht.example"]
    assert "U kunt haar niet meer openen" in mail.outbox[-1].body
    # The reviewer is out: the afweging, its business case and its reactie form.
    for naam in ("uitkomst", "businesscase", "rapport"):
        assert client.get(url(naam, geschreven)).status_code == 404, naam
    assert (
        client.post(url("opmerking", geschreven), {"vak": "opmerking-1", "opmerking-1": "x"})
    ).status_code == 404
    assert geschreven.titel not in client.get(reverse("afweging:lijst")).content.decode()
    # The adviseur still sees what was written, and may share again.
    pagina = adviseur_client.get(url("uitkomst", geschreven)).content.decode()
    assert "Vraag bij 5" in pagina and "Barendrecht stemt in." in pagina
    assert secretaris in review.kandidaat_reviewers(geschreven)


def test_a_deling_of_another_afweging_is_not_found(adviseur_client, gedeeld, maak_afweging):
    ander = maak_afweging(titel="Ander", gemeenten=["GM0489", "GM0613"])
    deling = gedeeld.delingen.get()
    assert adviseur_client.get(url("delen-stoppen", ander, deling_pk=deling.pk)).status_code == 404
    assert adviseur_client.post(url("delen-stoppen", ander, deling_pk=deling.pk)).status_code == 404
    assert gedeeld.delingen.exists()
