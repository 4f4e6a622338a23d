"""The business case page of an afweging: data, saving, conflicts and the allocation."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from afweging.models import Afweging
from businesscase.berekening import bereken, businesscase_van

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(
        titel="BAR opnieuw", frictiekostenbudget=600_000, gemeenten=["GM0489", "GM0613", "GM0597"]
    )


def url(afweging):
    return reverse("afweging:businesscase", kwargs={"pk": afweging.pk})


def post_data(afweging, **anders):
    businesscase = businesscase_van(afweging)
    varianten = list(businesscase.varianten.order_by("-soort"))
    data = {
        "versie": afweging.versie, "basis_overhead": "", "verdeelsleutel": "inwoners",
        "mix_inwoners_pct": "50",
        "varianten-TOTAL_FORMS": 2, "varianten-INITIAL_FORMS": 2,
        "varianten-MIN_NUM_FORMS": 0, "varianten-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, variant in enumerate(varianten):
        data |= {
            f"varianten-{i}-id": variant.pk, f"varianten-{i}-besparing_pct": "0",
            f"varianten-{i}-ingroei_jaren": 3, f"varianten-{i}-frictiekosten": str(variant.frictiekosten),
            f"varianten-{i}-frictie_jaren": 3, f"varianten-{i}-extra_kosten": "0",
            f"varianten-{i}-btw_aandeel_pct": "0",
        }  # fmt: skip
    data.update(anders)
    return data


def test_the_baseline_is_the_members_overhead_from_iv3(afweging):
    resultaat = bereken(afweging)
    # Iv3 jaarrekening 2023, 0.4 Overhead lasten: 17.904 + 9.038 + 15.754 (× € 1.000).
    assert resultaat.basis == 42_696_000
    assert "Iv3 Jaarrekening 2023" in resultaat.basis_bron
    assert sorted(resultaat.via_bijdrage) == ["Albrandswaard", "Barendrecht", "Ridderkerk"]
    voorgesteld = resultaat.voorgesteld
    assert voorgesteld.variant.frictiekosten == 600_000  # From the afweging's budget.
    assert voorgesteld.terugverdienjaar is None  # No savings by default: "reken je niet rijk".


def test_the_page_shows_projection_and_allocation_with_tables(adviseur_client, afweging):
    pagina = BeautifulSoup(adviseur_client.get(url(afweging)).content, "html.parser")
    assert pagina.select_one("#grafiek-businesscase") is not None
    assert len(pagina.select("#tabel-businesscase tbody tr")) == 20
    rijen = pagina.select("#tabel-bijdragen tbody tr")
    assert [r.th.get_text() for r in rijen] == ["Albrandswaard", "Barendrecht", "Ridderkerk"]
    assert "niet terugverdiend" in pagina.get_text()


def test_saving_inputs_recomputes_and_raises_the_version(adviseur_client, afweging):
    data = post_data(afweging, basis_overhead="40000000", verdeelsleutel="vast",
                     vast_GM0489="50", vast_GM0613="20", vast_GM0597="30")  # fmt: skip
    data["varianten-0-besparing_pct"] = "2,5"
    response = adviseur_client.post(url(afweging), data)
    assert response.status_code == 302
    resultaat = bereken(Afweging.objects.get(pk=afweging.pk))
    assert resultaat.basis == 40_000_000
    assert resultaat.voorgesteld.variant.besparing_pct == 2.5
    barendrecht = next(b for b in resultaat.bijdragen if b.deelnemer.naam == "Barendrecht")
    assert barendrecht.aandeel == pytest.approx(0.5)
    afweging.refresh_from_db()
    assert afweging.versie == 2
    wat = afweging.wijzigingen.first().wat
    # The figures before and after, in Dutch labels (issue 10).
    assert wat.startswith(
        "Businesscase gewijzigd: overhead van de deelnemers samen (euro per jaar) leeg → "
        "40.000.000, verdeelsleutel Naar inwoners → Vaste verdeling"
    )
    # Percentages with their one decimal, as the fields show them (issue 11).
    assert (
        "vaste verdeling leeg → Albrandswaard 20,0%, Barendrecht 50,0% en Ridderkerk 30,0%" in wat
    )
    assert "voorgestelde variant: structurele besparing (%) 0,0 → 2,5" in wat
    assert "_" not in wat  # no raw field names


def test_a_fixed_split_that_does_not_add_up_is_refused_in_dutch(adviseur_client, afweging):
    data = post_data(afweging, verdeelsleutel="vast", vast_GM0489="50", vast_GM0613="20")
    response = adviseur_client.post(url(afweging), data)
    assert "De vaste verdeling moet samen 100% zijn; nu 70,0%." in response.content.decode()
    assert businesscase_van(afweging).verdeelsleutel == "inwoners"


def test_a_stale_business_case_save_is_a_conflict(adviseur_client, afweging):
    data = post_data(afweging, basis_overhead="1")
    Afweging.objects.filter(pk=afweging.pk).update(versie=afweging.versie + 1)
    response = adviseur_client.post(url(afweging), data)
    assert response.status_code == 409
    assert businesscase_van(afweging).basis_overhead is None
    # The figures on the conflict page are the saved ones, not the typed basis of € 1.
    opgeslagen = bereken(Afweging.objects.get(pk=afweging.pk)).basis
    assert response.context["pagina"].doorrekening.basis == opgeslagen != 1


def test_deelvraag_1_shows_the_business_case_as_evidence(adviseur_client, afweging):
    response = adviseur_client.get(
        reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "meerwaarde"})
    )
    pagina = BeautifulSoup(response.content, "html.parser")
    sectie = pagina.find("section", attrs={"aria-labelledby": "dv-1"})
    assert "Onderbouwing: businesscase" in sectie.get_text()
    assert afweging.antwoorden.get(deelvraag__nummer=1).score == ""  # It fills in no score.


def test_other_provincie_cannot_see_the_business_case(client, ander_adviseur, afweging):
    client.force_login(ander_adviseur)
    assert client.get(url(afweging)).status_code == 404
