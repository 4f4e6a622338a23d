"""The business case page of an afweging: data, saving, conflicts and the allocation."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from afweging.models import Afweging
from afweging.rapport import rapport_van
from businesscase.berekening import bereken, businesscase_van
from config.pdf import render_to_pdf

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


# --- the keys of §6.4.1 with figures the adviseur enters (issue 12) -----------------------

FTE = {
    "GM0489": "120,5",
    "GM0613": "80",
    "GM0597": "199,5",
}  # Barendrecht, Albrandswaard, Ridderkerk


def met_fte(afweging, **anders):
    data = post_data(afweging, verdeelsleutel="fte", **anders)
    for code, fte in FTE.items():
        data[f"fte_{code}"] = fte
        data[f"fte_{code}_bron"] = f"formatieoverzicht {code} 2025"
    return data


def test_a_key_by_fte_shows_each_share_with_its_key_and_the_source_of_its_figures(
    adviseur_client, afweging
):
    response = adviseur_client.post(url(afweging), met_fte(afweging))
    assert response.status_code == 302
    businesscase = businesscase_van(afweging)
    assert businesscase.verdeelgegevens["fte"]["GM0489"] == {
        "waarde": 120.5, "bron": "formatieoverzicht GM0489 2025",
    }  # fmt: skip
    resultaat = bereken(Afweging.objects.get(pk=afweging.pk))
    barendrecht = next(b for b in resultaat.bijdragen if b.deelnemer.naam == "Barendrecht")
    assert barendrecht.aandeel == pytest.approx(120.5 / 400)

    pagina = BeautifulSoup(adviseur_client.get(url(afweging)).content, "html.parser")
    rij = next(
        r for r in pagina.select("#tabel-bijdragen tbody tr") if r.th.get_text() == "Barendrecht"
    )
    assert rij.find_all("td")[0].get_text() == "30,1%"
    assert rij.find_all("td")[-1].get_text() == "Naar formatie (fte per gemeente)"
    herkomst = pagina.select_one("#herkomst-bijdragen").get_text(" ", strip=True)
    assert (
        "Alle kosten: naar formatie (fte per gemeente), aandeel 30,1%" in herkomst
        and "Op grond van fte 120,5 (formatieoverzicht GM0489 2025)." in herkomst
    )
    # What was saved is shown in the form again, in Dutch notation.
    assert pagina.find("input", attrs={"name": "fte_GM0489"})["value"] == "120,5"
    wat = Afweging.objects.get(pk=afweging.pk).wijzigingen.first().wat
    assert "fte Barendrecht leeg → 120,5" in wat
    assert "bron van fte Barendrecht gewijzigd" in wat


def test_an_entered_figure_without_its_source_is_refused_and_what_was_typed_stays(
    adviseur_client, afweging
):
    data = met_fte(afweging)
    data["fte_GM0613_bron"] = " "
    response = adviseur_client.post(url(afweging), data)
    assert response.status_code == 200
    pagina = BeautifulSoup(response.content, "html.parser")
    # The message stands at the source field itself.
    fout = pagina.find(id="error_1_id_fte_GM0613_bron")
    assert fout.get_text(strip=True) == "Vermeld de bron van dit gegeven."
    assert pagina.find("input", attrs={"name": "fte_GM0613"})["value"] == "80"
    assert businesscase_van(afweging).verdeelgegevens == {}


def test_unknown_figures_make_the_contribution_unknown_not_zero(adviseur_client, afweging):
    data = met_fte(afweging)
    del data["fte_GM0597"], data["fte_GM0597_bron"]
    assert adviseur_client.post(url(afweging), data).status_code == 302
    resultaat = bereken(Afweging.objects.get(pk=afweging.pk))
    assert resultaat.bijdragen == []
    assert resultaat.sleutelfout == (
        "Voor de verdeling naar formatie (fte per gemeente) is onbekend: fte van Ridderkerk. "
        "Vul deze gegevens in, met hun bron."
    )
    pagina = BeautifulSoup(adviseur_client.get(url(afweging)).content, "html.parser")
    assert pagina.select_one("#tabel-bijdragen") is None
    assert "onbekend: fte van Ridderkerk" in pagina.get_text()


def test_bar_shares_the_sociaal_domein_by_clients_and_the_rest_by_budget(adviseur_client, afweging):
    # Line 5082-5083: the standard package by the budget brought in, the sociaal domein by
    # clients. 30% of the costs by clients 1.000 / 1.000 / 2.000, the rest by Iv3 overhead.
    data = post_data(
        afweging, verdeelsleutel="begroting", domein_1="Sociaal domein", domein_1_aandeel="30",
        domein_1_sleutel="clienten", domein_1_bron="begroting BAR 2025",
    )  # fmt: skip
    for code, aantal in {"GM0489": "1.000", "GM0613": "1.000", "GM0597": "2.000"}.items():
        data |= {f"clienten_{code}": aantal, f"clienten_{code}_bron": "monitor sociaal domein"}
    assert adviseur_client.post(url(afweging), data).status_code == 302
    resultaat = bereken(Afweging.objects.get(pk=afweging.pk))
    totaal = resultaat.voorgesteld.structurele_kosten
    overhead = {k.naam: k.overhead for k in resultaat.deelnemerkosten}
    ridderkerk = next(b for b in resultaat.bijdragen if b.deelnemer.naam == "Ridderkerk")
    verwacht = totaal * (0.3 * 0.5 + 0.7 * overhead["Ridderkerk"] / sum(overhead.values()))
    assert ridderkerk.bijdrage == pytest.approx(verwacht)
    assert resultaat.sleutel_tekst == (
        "Sociaal domein (30,0%) naar cliënten; de rest naar ingebracht budget (huidige overhead)"
    )
    pagina = BeautifulSoup(adviseur_client.get(url(afweging)).content, "html.parser")
    herkomst = pagina.select_one("#herkomst-bijdragen").get_text(" ", strip=True)
    assert (
        "Sociaal domein, 30,0% van de kosten (bron: begroting BAR 2025): naar cliënten" in herkomst
    )
    assert "Op grond van cliënten 2.000 (monitor sociaal domein)." in herkomst
    assert "De rest, 70,0% van de kosten: naar ingebracht budget" in herkomst
    assert "(Iv3 Jaarrekening 2023 (Bron: CBS))" in herkomst


def test_a_domain_needs_a_name_share_key_and_source(adviseur_client, afweging):
    data = post_data(afweging, domein_2_aandeel="20")
    response = adviseur_client.post(url(afweging), data)
    tekst = BeautifulSoup(response.content, "html.parser").get_text()
    for melding in [
        "Geef het domein een naam.", "Kies de verdeelsleutel van het domein.",
        "Vermeld de bron van het aandeel van dit domein.",
    ]:  # fmt: skip
        assert melding in tekst
    assert businesscase_van(afweging).domeinsleutels == []


def test_the_report_and_its_pdf_say_which_key_decided_and_where_the_figures_came_from(
    adviseur_client, afweging
):
    assert adviseur_client.post(url(afweging), met_fte(afweging)).status_code == 302
    afweging = Afweging.objects.get(pk=afweging.pk)
    html, inhoud = render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    papier = BeautifulSoup(html, "html.parser")
    kop = next(h for h in papier.select("h3") if h.get_text().startswith("Bijdrage per deelnemer"))
    assert kop.get_text() == "Bijdrage per deelnemer: naar formatie (fte per gemeente)"
    herkomst = papier.select_one("#herkomst-bijdragen").get_text(" ", strip=True)
    assert "Op grond van fte 199,5 (formatieoverzicht GM0597 2025)." in herkomst
    assert inhoud.startswith(b"%PDF")
