"""Unticking a deelnemende gemeente that has something entered asks first and names what
will go (issue 11)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from afweging.models import Afweging
from review import services as review
from review.models import Reactie
from tests.afweging.test_views import basis_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Drie wordt twee", gemeenten=["GM0489", "GM0613", "GM0597"])


def url(afweging):
    return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "basis"})


def zonder_barendrecht(afweging, **extra):
    data = basis_data(afweging, **extra)
    data["gemeenten"] = [
        d.gemeente_id for d in afweging.deelnemers.exclude(gemeente__code="GM0489")
    ]
    return data


def test_a_gemeente_with_data_leaves_only_when_confirmed(
    adviseur_client, afweging, adviseur, secretaris
):
    barendrecht = afweging.deelnemers.get(gemeente__code="GM0489")
    barendrecht.perspectief, barendrecht.motieven = "tussenstap", ["kosten"]
    barendrecht.save()
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    Reactie.objects.create(
        afweging=afweging, gemeente=barendrecht.gemeente, auteur=secretaris,
        standpunt="instemmend", tekst="Akkoord.",
    )  # fmt: skip

    response = adviseur_client.post(url(afweging), zonder_barendrecht(afweging, titel="Twee"))
    assert response.status_code == 200
    pagina = BeautifulSoup(response.content, "html.parser")
    vraag = pagina.find(id="vraag")
    assert [li.get_text() for li in vraag("li")] == [
        "Barendrecht: haar perspectief en motieven, haar formele reactie en de toegang van 1 "
        "gemeentesecretaris"
    ]
    afweging.refresh_from_db()
    assert afweging.titel == "Drie wordt twee", "nothing is saved before the answer"
    assert afweging.deelnemers.count() == 3
    knop = pagina.find("button", attrs={"name": "bevestig_weg"})
    assert pagina.find("input", id="id_titel")["value"] == "Twee", "what was typed stays"
    assert pagina.find("form", attrs={"data-wacht": True}) is not None, "no autosave meanwhile"

    # Another button (not the confirmation) asks again.
    again = adviseur_client.post(
        url(afweging), zonder_barendrecht(afweging, titel="Twee", actie="volgende")
    )
    assert BeautifulSoup(again.content, "html.parser").find(id="vraag") is not None

    bevestigd = zonder_barendrecht(afweging, titel="Twee")
    bevestigd.pop("actie", None)  # the confirming button sends no actie
    bevestigd["bevestig_weg"] = knop["value"]
    response = adviseur_client.post(url(afweging), bevestigd)
    assert response["Location"] == url(afweging), "the confirmation stays on the step"
    afweging = Afweging.objects.get(pk=afweging.pk)
    assert afweging.titel == "Twee"
    assert sorted(d.gemeente.code for d in afweging.deelnemers.all()) == ["GM0597", "GM0613"]
    assert not afweging.reacties.exists() and not afweging.delingen.exists()


def test_a_gemeente_without_data_leaves_without_a_question(adviseur_client, afweging):
    response = adviseur_client.post(url(afweging), zonder_barendrecht(afweging))
    assert response.status_code == 302
    assert afweging.deelnemers.count() == 2
