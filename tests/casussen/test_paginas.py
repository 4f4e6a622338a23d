"""What the pages of the casussen app show."""

import json

import pytest
from django.urls import reverse

from tests.html import soep

pytestmark = pytest.mark.django_db


def test_fusieorganisatie_shows_members_successors_and_both_totals(adviseur_client):
    response = adviseur_client.get(
        reverse("casussen:fusieorganisatie", kwargs={"slug": "purmerend-beemster"})
    )
    pagina = soep(response)
    rijen = {
        rij.th.get_text(" ", strip=True).split()[0]: rij
        for rij in pagina.select("table[aria-labelledby=deelnemers-kop] tbody tr")
    }
    assert set(rijen) == {"Purmerend", "Beemster"}
    assert "nu Purmerend" in rijen["Beemster"].get_text(" ", strip=True)
    # Beemster has no inhabitants of its own in 2023-2025: shown as unknown.
    assert rijen["Beemster"].get_text(" ", strip=True).count("onbekend") >= 3
    tekst = pagina.get_text(" ", strip=True)
    assert "± 88.000" in tekst
    assert "Herindeling: Beemster → Purmerend" in tekst


def test_fusieorganisatie_shows_the_difference_with_the_report_total(adviseur_client):
    response = adviseur_client.get(
        reverse("casussen:fusieorganisatie", kwargs={"slug": "bar-organisatie"})
    )
    tekst = soep(response).get_text(" ", strip=True)
    assert "± 118.000" in tekst
    assert "123.289" in tekst
    assert "verschil +5.289" in tekst


def test_an_unknown_slug_is_a_404(adviseur_client):
    response = adviseur_client.get(
        reverse("casussen:fusieorganisatie", kwargs={"slug": "bestaat-niet"})
    )
    assert response.status_code == 404


def test_casus_shows_story_and_flags_a_heading_that_differs(adviseur_client):
    response = adviseur_client.get(reverse("casussen:casus", kwargs={"slug": "de-kompanjie"}))
    tekst = soep(response).get_text(" ", strip=True)
    assert "40.044" in tekst and "40.004" in tekst
    assert "wijkt +40 af" in tekst
    assert "§5.2.3" in tekst


def test_casus_without_a_difference_shows_no_warning(adviseur_client):
    response = adviseur_client.get(reverse("casussen:casus", kwargs={"slug": "cgm"}))
    pagina = soep(response)
    assert pagina.select_one(".alert-warning") is None
    assert "47.873" in pagina.get_text(" ", strip=True)
    assert pagina.find(
        "a", href=reverse("casussen:fusieorganisatie", kwargs={"slug": "werkorganisatie-cgm"})
    )


def test_casus_list_shows_nine(adviseur_client):
    response = adviseur_client.get(reverse("casussen:casussen"))
    assert len(soep(response).select("article.card")) == 9


def test_gemeente_shows_inhabitants_memberships_and_chart_data(adviseur_client):
    response = adviseur_client.get(reverse("casussen:gemeente", kwargs={"slug": "gm0489"}))
    pagina = soep(response)
    tabel = pagina.select_one("#tabel-inwoners")
    assert [td.get_text(strip=True) for td in tabel.select("tbody td.text-end")] == [
        "48.714", "48.812", "48.690", "48.568",
    ]  # fmt: skip
    figuur = json.loads(pagina.select_one("#grafiek-inwoners").string)
    assert figuur["data"][0]["y"] == [48714, 48812, 48690, 48568]
    assert pagina.find("a", string="BAR-organisatie")


def test_a_current_gemeente_lists_memberships_of_its_predecessors(adviseur_client):
    response = adviseur_client.get(reverse("casussen:gemeente", kwargs={"slug": "gm1982"}))
    tekst = soep(response).get_text(" ", strip=True)
    assert "Werkorganisatie CGM" in tekst
    assert "via voorganger Cuijk" in tekst


def test_a_dissolved_gemeente_names_its_successor(adviseur_client):
    response = adviseur_client.get(reverse("casussen:gemeente", kwargs={"slug": "graafstroom"}))
    tekst = soep(response).get_text(" ", strip=True)
    assert "opgeheven per 1-1-2013" in tekst
    assert "Molenwaard" in tekst and "Molenlanden" in tekst
    assert "Geen inwonertal bekend" in tekst


def test_gemeente_search(adviseur_client):
    response = adviseur_client.get(reverse("casussen:gemeenten"), {"q": "wijk"})
    namen = [a.get_text() for a in soep(response).select("tbody th a")]
    assert "Wijk bij Duurstede" in namen and "Wijchen" not in namen


def test_over_de_data_attributes_cbs(adviseur_client):
    tekst = soep(adviseur_client.get(reverse("casussen:over-de-data"))).get_text(" ", strip=True)
    assert "Bron: CBS, StatLine 85067NED" in tekst
    assert "Kadaster / CBS, 2023" in tekst
    assert "CC BY 4.0" in tekst


def test_every_page_footer_attributes_cbs(adviseur_client):
    response = adviseur_client.get(reverse("casussen:casussen"))
    assert "Bron: CBS" in soep(response).footer.get_text()
