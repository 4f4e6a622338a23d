"""Issue 12, item 3: the status on 1-1-2018 follows the report's table, and a member's own
fate is not its organisation's."""

from datetime import date

import pytest
from django.urls import reverse

from casussen.models import Fusieorganisatie
from tests.html import soep

pytestmark = pytest.mark.django_db

PEILDATUM = date(2018, 1, 1)
ACTIEF = Fusieorganisatie.Status.ACTIEF


def test_the_report_counts_25_active_on_1_january_2018_with_61_gemeenten():
    """§2.7 point 1 (line 1032): 25 ambtelijke fusies on 1-1-2018, 61 gemeenten. The Bijlage
    numbers exactly those 25, and each one's dates in the table have it running that day."""
    actief = Fusieorganisatie.objects.filter(status_rapport=ACTIEF)
    assert actief.count() == 25
    assert sorted(actief.values_list("nummer", flat=True)) == list(range(1, 26))
    assert len({d.gemeente_id for org in actief for d in org.deelnames.all()}) == 61
    for org in Fusieorganisatie.objects.exclude(startdatum=None):
        loopt = org.startdatum <= PEILDATUM and (org.einddatum is None or org.einddatum > PEILDATUM)
        assert (org.status_rapport == ACTIEF) == loopt, org.naam


@pytest.mark.parametrize(
    "slug", ["groningen-ten-boer", "ddfk-gemeenten", "vijfheerenlanden", "werkorganisatie-voorne"]
)
def test_the_page_shows_both_the_status_of_2018_and_now(adviseur_client, slug):
    org = Fusieorganisatie.objects.get(slug=slug)
    pagina = soep(adviseur_client.get(org.get_absolute_url()))
    kenmerken = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in pagina.select("dl dt")
    }
    verwacht = "Gepland" if slug == "werkorganisatie-voorne" else "Actief"
    assert kenmerken["Status volgens rapport (1-1-2018)"] == verwacht
    assert kenmerken["Status nu"] == "Opgegaan in herindeling"


def lijst_fusieorganisaties(client, slug):
    pagina = soep(client.get(reverse("casussen:gemeente", kwargs={"slug": slug})))
    kop = next(h for h in pagina.select("h2") if h.get_text(strip=True) == "Fusieorganisaties")
    return [li.get_text(" ", strip=True) for li in kop.find_next_sibling("ul").select("li")]


def test_dantumadiel_stayed_on_its_own_when_ddfk_ended_in_a_herindeling(adviseur_client):
    (regel,) = lijst_fusieorganisaties(adviseur_client, "gm1891")
    assert regel.startswith("DDFK-Gemeenten Dantumadiel bleef zelfstandig")
    assert "eindigde op 1 januari 2019 in een herindeling van de andere deelnemers" in regel
    assert "Opgegaan in herindeling" not in regel


def test_the_members_that_merged_keep_the_organisations_status(adviseur_client):
    regels = lijst_fusieorganisaties(adviseur_client, "gm1970")  # Noardeast-Fryslân
    assert sorted(regels) == [
        f"DDFK-Gemeenten Opgegaan in herindeling via voorganger {naam}"
        for naam in ("Dongeradeel", "Ferwerderadiel", "Kollumerland en Nieuwkruisland")
    ]
    # Groningen took Ten Boer in: the new gemeente of that herindeling took part in it.
    assert lijst_fusieorganisaties(adviseur_client, "gm0014")[0] == (
        "Groningen-Ten Boer Opgegaan in herindeling"
    )
