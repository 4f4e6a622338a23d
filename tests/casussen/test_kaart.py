import json

import pytest
from django.urls import reverse

from casussen import kaart

pytestmark = pytest.mark.django_db


def _oppervlak(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def test_the_boundaries_cover_the_342_gemeenten_wound_for_d3(adviseur_client):
    response = adviseur_client.get(reverse("casussen:kaart-geojson"))
    gegevens = json.loads(response.content)
    codes = {f["properties"]["gemeentecode"] for f in gegevens["features"]}
    assert len(codes) == 342
    for kenmerk in gegevens["features"]:
        geom = kenmerk["geometry"]
        polygonen = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for polygoon in polygonen:
            assert _oppervlak(polygoon[0]) < 0  # Outer ring clockwise, as d3-geo wants.


def test_former_members_colour_their_current_gemeente():
    regels = {r.gemeente.naam: r for r in kaart.kleuring()}
    assert regels["Groningen"].status == "herindeling"
    noardeast = regels["Noardeast-Fryslân"]
    assert [k.organisatie.slug for k in noardeast.koppelingen] == ["ddfk-gemeenten"]
    assert {g.naam for g in noardeast.koppelingen[0].via} == {
        "Dongeradeel",
        "Ferwerderadiel",
        "Kollumerland en Nieuwkruisland",
    }
    assert regels["Barendrecht"].status == "actief"
    assert regels["Houten"].status == "nooit"
    assert "Amsterdam" not in regels


def test_the_map_page_has_a_figure_and_a_table_with_every_coloured_gemeente(adviseur_client):
    response = adviseur_client.get(reverse("casussen:kaart"))
    regels = response.context["pagina"].kleuring
    figuur = response.context["pagina"].figuur
    gekleurd = {code for spoor in figuur["data"][1:] for code in spoor["locations"]}
    assert gekleurd == {r.gemeente.code for r in regels}
    assert len(figuur["data"][0]["locations"]) == 342 - len(regels)
    inhoud = response.content.decode()
    assert 'id="kaart-tabel"' in inhoud
    for regel in regels:
        assert regel.gemeente.get_absolute_url() in inhoud
