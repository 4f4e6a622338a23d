"""Issue 12: confidential pages carried no Cache-Control, so a shared proxy or the
browser's disk cache could keep an afweging, its PDF or its exports (and show them after
logging out). Every response to a logged-in user is `private, no-store`
(config/vertrouwelijk.py): tested over every URL of the app, so a new view is covered."""

import pytest
from django.test import Client
from django.utils.cache import get_max_age

from afweging.stappen import STAPPEN
from review import services as review
from review.models import Deling
from tests.adressen import adressen, routes

pytestmark = pytest.mark.django_db

# Views that set a Cache-Control of their own, with why it may be kept.
EIGEN_CACHE = {
    # Public reference data (the borders of 2023), the same for everyone: kept a day.
    "/kaart/gemeentegrenzen-2023.geojson",
}


@pytest.fixture
def afweging(maak_afweging, adviseur, secretaris):
    """Shared with the secretaris of Barendrecht, who gave a reactie."""
    afweging = maak_afweging(titel="Vertrouwelijk", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    review.reactie_geven(
        onderwerp=afweging, gemeente=secretaris.gemeenten.get(), auteur=secretaris,
        standpunt="instemmend", tekst="Akkoord.",
    )  # fmt: skip
    return afweging


def alle_adressen(afweging, evaluatie=None) -> list[str]:
    waarden = {
        # An afweging's and an evaluatie's pages share the name `pk`: every route gets both.
        "pk": [afweging.pk, *([evaluatie.pk] if evaluatie else [])],
        "domein": [d.code for d in evaluatie.kader.domeinen.all()] if evaluatie else ["x"],
        "stap": [stap.code for stap in STAPPEN],
        "formaat": ["csv", "xlsx", "json"],
        "reactie_pk": [afweging.reacties.get().pk],
        "deling_pk": [Deling.objects.get(afweging=afweging).pk],
        "code": ["GM0489"],
        "slug": ["barendrecht", "bar-organisatie"],
    }
    return [a for route in routes() for a in adressen(route, waarden)]


def niet_bewaard(response) -> bool:
    waarden = {w.strip() for w in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= waarden


@pytest.mark.parametrize("rol", ["adviseur", "secretaris"])
def test_every_page_for_a_logged_in_user_is_private_and_not_stored(
    request, afweging, maak_evaluatie, rol
):
    client = Client()
    client.force_login(request.getfixturevalue(rol))
    gezien = set()
    for adres in alle_adressen(afweging, maak_evaluatie()):
        if adres in EIGEN_CACHE:
            continue
        response = client.get(adres)
        gezien.add(response.status_code)
        assert niet_bewaard(response), (
            f"{adres} ({response.status_code}): {response.get('Cache-Control')}"
        )
    assert 200 in gezien


@pytest.mark.parametrize(
    "pad", ["/rapport/", "/advies.pdf", "/export.csv", "/export.xlsx", "/export.json", "/"]
)
def test_the_confidential_documents_are_not_stored(adviseur_client, afweging, pad):
    response = adviseur_client.get(f"/afwegingen/{afweging.pk}{pad}")
    assert response.status_code == 200
    assert niet_bewaard(response)


def test_a_view_with_its_own_cache_control_keeps_it(adviseur_client):
    response = adviseur_client.get("/kaart/gemeentegrenzen-2023.geojson")
    assert response.status_code == 200
    assert get_max_age(response) == 24 * 60 * 60
    assert "private" in response["Cache-Control"]


def test_anonymous_pages_are_left_to_the_browser(client):
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
