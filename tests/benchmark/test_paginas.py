import json

import pytest
from django.urls import reverse

from tests.html import soep

pytestmark = pytest.mark.django_db


def test_the_benchmark_page_shows_trend_chart_and_table(adviseur_client):
    response = adviseur_client.get(reverse("benchmark:benchmark"))
    pagina = soep(response)
    tekst = pagina.get_text(" ", strip=True)
    assert "r = 0,978" in tekst
    figuur = json.loads(pagina.select_one("#benchmark-figuur").string)
    assert figuur["data"][-1]["name"] == "Trend (3e-graads polynoom)"
    assert len(pagina.select("#benchmark-tabel tbody tr")) == 342


def test_the_bar_organisatie_can_be_highlighted_against_the_trend(adviseur_client):
    response = adviseur_client.get(
        reverse("benchmark:benchmark"), {"fusieorganisatie": "bar-organisatie"}
    )
    pagina = soep(response)
    gemarkeerd = [
        r.th.get_text(" ", strip=True).split(" ")[0] for r in pagina.select("tr.table-warning")
    ]
    assert gemarkeerd == ["Albrandswaard", "Barendrecht", "Ridderkerk"]
    figuur = json.loads(pagina.select_one("#benchmark-figuur").string)
    gekozen = next(s for s in figuur["data"] if s["name"] == "Gekozen")
    assert sorted(c[0] for c in gekozen["customdata"]) == [
        "Albrandswaard",
        "Barendrecht",
        "Ridderkerk",
    ]
    # Each name is an annotation at its own point (issue 11), not text above every marker.
    namen = sorted(a["text"] for a in figuur["layout"]["annotations"])
    assert namen == ["<b>Albrandswaard</b>", "<b>Barendrecht</b>", "<b>Ridderkerk</b>"]
    assert "BAR-organisatie samen tegen de trend" in pagina.get_text()


def test_year_and_document_can_be_chosen(adviseur_client):
    response = adviseur_client.get(reverse("benchmark:benchmark"), {"bestand": "2025-begroting"})
    assert response.context["pagina"].analyse.bestand.jaar == 2025
    bad = adviseur_client.get(reverse("benchmark:benchmark"), {"bestand": "1999-begroting"})
    assert bad.context["pagina"].analyse is None
    assert bad.context["pagina"].form.errors["bestand"]


def test_the_gemeente_page_shows_its_benchmark_position(adviseur_client):
    tekst = soep(
        adviseur_client.get(reverse("casussen:gemeente", kwargs={"slug": "gm0489"}))
    ).get_text(" ", strip=True)
    assert "Overhead: Jaarrekening 2023" in tekst
    assert "€ 17.904.000" in tekst
    assert "€ 367" in tekst


def test_the_fusieorganisatie_page_shows_the_members_together(adviseur_client):
    url = reverse("casussen:fusieorganisatie", kwargs={"slug": "bar-organisatie"})
    tekst = soep(adviseur_client.get(url)).get_text(" ", strip=True)
    assert "Albrandswaard, Barendrecht, Ridderkerk samen: € 42.696.000 overhead" in tekst
