"""The register page and the register module: filters, sorting, counts and totals."""

import pytest
from django.urls import reverse

from casussen.models import Fusieorganisatie
from casussen.register import LAATSTE_JAAR, register, registerregel
from casussen.register import fusieorganisaties as fusieorganisaties_qs

pytestmark = pytest.mark.django_db


def namen(regels):
    return {r.organisatie.slug for r in regels}


def test_it_filters_on_status():
    assert namen(register(status="beeindigd")) == {
        "bestuursdienst-ommen-hardenberg",
        "uw-samenwerking",
    }


def test_it_filters_on_provincie_of_any_member():
    # BEL Combinatie: Blaricum and Laren are in Noord-Holland, Eemnes in Utrecht.
    utrecht = namen(register(provincie="PV26"))
    assert "bel-combinatie" in utrecht
    assert "bel-combinatie" in namen(register(provincie="PV27"))
    assert "bar-organisatie" not in utrecht


def test_it_filters_on_form():
    centrum = register(bestuurskundige_vorm="centrumregeling")
    assert namen(centrum) == {
        "groningen-ten-boer",
        "losser-enschede",
        "amstelveen-aalsmeer",
        "purmerend-beemster",
        "woerden-oudewater",
        "zandvoort-haarlem",
    }
    assert namen(register(juridische_vorm="bedrijfsvoeringsorganisatie")) >= {
        "werkorganisatie-cgm",
        "werkorganisatie-buch",
    }


def test_filters_combine():
    regels = register(status="actief", bestuurskundige_vorm="centrumregeling", provincie="PV27")
    assert namen(regels) == {"amstelveen-aalsmeer", "zandvoort-haarlem"}


def test_it_sorts_by_computed_inhabitants_with_unknown_last():
    regels = register(sorteer="-inwoners")
    bekend = [r.laatste_totaal.waarde for r in regels if r.laatste_totaal.volledig]
    assert bekend == sorted(bekend, reverse=True)
    assert regels[0].organisatie.slug == "zandvoort-haarlem"


def test_default_order_is_the_bijlage_number():
    regels = register()
    nummers = [r.organisatie.nummer for r in regels]
    assert nummers[:25] == list(range(1, 26))
    assert nummers[25:] == [None] * 4


def test_the_total_is_computed_from_the_members():
    regel = registerregel(fusieorganisaties_qs().get(slug="bar-organisatie"))
    # CBS, 1 January 2025: Barendrecht 48,568 + Ridderkerk 48,011 + Albrandswaard 26,710.
    assert regel.totaal(2025).waarde == 123_289
    assert regel.totaal(2022).waarde == 48_714 + 47_099 + 25_934


def test_a_total_with_a_dissolved_member_is_unknown_not_partial():
    regel = registerregel(fusieorganisaties_qs().get(slug="groningen-ten-boer"))
    totaal = regel.totaal(LAATSTE_JAAR)
    assert totaal.waarde is None
    assert (totaal.aantal_bekend, totaal.aantal) == (1, 2)
    assert totaal.zonder_cijfer == ["Ten Boer"]


def test_werkorganisatie_voorne_has_a_total_for_2022_only():
    regel = registerregel(fusieorganisaties_qs().get(slug="werkorganisatie-voorne"))
    assert regel.totaal(2022).volledig
    assert regel.totaal(2023).waarde is None


def test_the_page_shows_counts_and_every_organisation(adviseur_client):
    response = adviseur_client.get(reverse("casussen:register"))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "<strong>29</strong> fusieorganisaties" in inhoud
    for org in Fusieorganisatie.objects.all():
        assert org.get_absolute_url() in inhoud
    assert "actief: <strong>18</strong>" in inhoud


def test_the_page_applies_the_filter_from_the_query(adviseur_client):
    response = adviseur_client.get(reverse("casussen:register"), {"status": "beeindigd"})
    assert [r.organisatie.slug for r in response.context["pagina"].regels] == [
        "bestuursdienst-ommen-hardenberg",
        "uw-samenwerking",
    ]
    assert "<strong>2</strong> fusieorganisaties" in response.content.decode()


def test_an_invalid_filter_value_shows_everything_and_the_error(adviseur_client):
    response = adviseur_client.get(reverse("casussen:register"), {"status": "<script>"})
    assert len(response.context["pagina"].regels) == 29
    assert response.context["pagina"].form.errors["status"]
    assert "<script>" not in response.content.decode()
