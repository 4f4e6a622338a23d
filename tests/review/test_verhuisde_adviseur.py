"""Issue 12 (review): an adviseur moved to another provincie no longer gets the texts of the
opmerkingen and reacties on the afweging they started, as a moved reviewer gets no answers.
"""

import pytest
from django.core import mail

from casussen.models import Provincie
from kader.models import Deelvraag
from review import services as review

pytestmark = pytest.mark.django_db


@pytest.fixture
def gedeeld(maak_afweging, adviseur, secretaris):
    afweging = maak_afweging(titel="Verhuisde adviseur", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    adviseur.email = "adviseur@zuid-holland.example"
    adviseur.save()
    return afweging


def verstuurd(django_capture_on_commit_callbacks, doe) -> list[tuple[str, str]]:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        doe()
    return [(adres, bericht.subject) for bericht in mail.outbox for adres in bericht.to]


def opmerking(afweging, secretaris, tekst):
    return lambda: review.opmerking_plaatsen(
        onderwerp=afweging,
        plek=Deelvraag.objects.get(onderdeel__kader=afweging.kader, nummer=2),
        auteur=secretaris,
        tekst=tekst,
    )


def reactie(afweging, secretaris, tekst):
    return lambda: review.reactie_geven(
        onderwerp=afweging,
        gemeente=secretaris.gemeenten.get(),
        auteur=secretaris,
        standpunt="instemmend",
        tekst=tekst,
    )


@pytest.mark.parametrize("actie", [opmerking, reactie])
def test_a_moved_adviseur_no_longer_gets_opmerkingen_and_reacties(
    gedeeld, adviseur, secretaris, django_capture_on_commit_callbacks, actie
):
    # Before the move the maker hears of it, with the text.
    ontvangers = verstuurd(
        django_capture_on_commit_callbacks, actie(gedeeld, secretaris, "Vertrouwelijk, eerst.")
    )
    assert [a for a, _ in ontvangers] == ["adviseur@zuid-holland.example"]
    assert "Vertrouwelijk" in mail.outbox[0].body

    adviseur.provincie = Provincie.objects.get(code="PV26")  # Utrecht: takes no part
    adviseur.save()
    ontvangers = verstuurd(
        django_capture_on_commit_callbacks, actie(gedeeld, secretaris, "Vertrouwelijk, daarna.")
    )
    assert "adviseur@zuid-holland.example" not in [a for a, _ in ontvangers]
