"""A concept can be deleted by its adviseurs, after a page that names what goes with it; a
vastgestelde afweging stays (issue 11)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from afweging import services
from afweging.models import Afweging
from review import services as review
from review.models import Opmerking, Reactie
from tests.factories import beantwoord_alles

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Weg ermee", gemeenten=["GM0489", "GM0613"])


def url(afweging):
    return reverse("afweging:verwijderen", kwargs={"pk": afweging.pk})


def test_the_page_names_what_goes_and_only_the_post_deletes(
    adviseur_client, afweging, adviseur, secretaris
):
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    deelvraag = afweging.antwoorden.get(deelvraag__nummer=3).deelvraag
    review.opmerking_plaatsen(onderwerp=afweging, plek=deelvraag, auteur=secretaris, tekst="?")
    afweging.antwoorden.filter(deelvraag__nummer__in=[1, 2]).update(score="1", motivering="x")
    pagina = BeautifulSoup(adviseur_client.get(url(afweging)).content, "html.parser")
    assert [li.get_text() for li in pagina.find(id="gaat-weg")("li")] == [
        "2 beantwoorde deelvragen", "1 opmerking en antwoorden",
        "de toegang van 1 gemeentesecretaris", "de businesscase",
        "de geschiedenis van de afweging",
    ]  # fmt: skip
    assert Afweging.objects.filter(pk=afweging.pk).exists(), "a GET deletes nothing"

    response = adviseur_client.post(url(afweging), follow=True)
    assert response.redirect_chain[-1][0] == reverse("afweging:lijst")
    assert "De afweging ‘Weg ermee’ is verwijderd." in response.content.decode()
    assert not Afweging.objects.filter(pk=afweging.pk).exists()
    assert not Opmerking.objects.exists() and not Reactie.objects.exists()


def test_a_vastgestelde_afweging_stays(adviseur_client, afweging, adviseur):
    beantwoord_alles(afweging)
    services.vaststellen(afweging=afweging, versie=afweging.versie, door=adviseur)
    assert adviseur_client.post(url(afweging))["Location"] == afweging.get_absolute_url()
    assert Afweging.objects.filter(pk=afweging.pk).exists()
    with pytest.raises(services.NietToegestaan, match="blijft bewaard"):
        services.verwijderen(afweging=afweging, door=adviseur)


def test_only_its_own_adviseurs_may_delete(client, afweging, ander_adviseur, secretaris):
    for gebruiker, status in ((ander_adviseur, 404), (secretaris, 403)):
        client.force_login(gebruiker)
        assert client.post(url(afweging)).status_code == status
    assert Afweging.objects.filter(pk=afweging.pk).exists()
