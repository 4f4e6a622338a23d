"""Issue 12, item 1: a gemeente whose Iv3 file holds only zeros delivered no figures.

Vijfheerenlanden (GM1961) has 0 on every taakveld in the jaarrekening 2023: its overhead is
unknown, not € 0 and −100% against the trend, on every page, in the fit, the business
case, the report and the CSV export.
"""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from afweging.rapport import rapport_van
from benchmark.analyse import analyse
from benchmark.models import Iv3Regel
from benchmark.trend import fitset
from businesscase.berekening import bereken
from tests.html import soep

pytestmark = pytest.mark.django_db

VIJFHEERENLANDEN = "GM1961"
GORINCHEM = "GM0512"


@pytest.fixture
def jaarrekening():
    return analyse(2023, "jaarrekening")


def test_the_file_really_holds_only_zeros_for_vijfheerenlanden():
    regels = Iv3Regel.objects.filter(
        bestand__jaar=2023, bestand__document="jaarrekening", gemeente__code=VIJFHEERENLANDEN
    )
    assert regels.count() == 71
    assert not regels.exclude(lasten=0).exists() and not regels.exclude(baten=0).exists()


def test_all_zero_figures_are_unknown_not_zero(jaarrekening):
    rij = jaarrekening.rij(VIJFHEERENLANDEN)
    assert rij["vlag_geen_cijfers"]
    for kolom in ("overhead_lasten_eur", "overhead_per_inwoner_eur", "afwijking_pct"):
        assert rij[kolom] != rij[kolom] or rij[kolom] is None, kolom  # NaN or NA
    assert not rij["vlag_bijna_nul"]  # unknown, not "almost nothing booked"
    assert jaarrekening.zonder_cijfers == ["Vijfheerenlanden"]
    tabel = next(r for r in jaarrekening.tabelrijen if r["gemeentecode"] == VIJFHEERENLANDEN)
    assert (tabel["overhead"], tabel["per_inwoner"], tabel["aandeel"], tabel["afwijking"]) == (
        "onbekend",
        "onbekend",
        "onbekend",
        "onbekend",
    )


def test_the_trend_is_fitted_without_it_and_keeps_its_figures(jaarrekening):
    assert VIJFHEERENLANDEN not in set(fitset(jaarrekening.gegevens)["gemeentecode"])
    assert f"{jaarrekening.trend.correlatie:.3f}" == "0.978"


def test_a_group_with_an_unknown_member_has_no_position(jaarrekening):
    assert jaarrekening.groep([VIJFHEERENLANDEN, GORINCHEM], "samen") is None
    assert jaarrekening.groep([GORINCHEM], "alleen") is not None


def test_the_benchmark_page_says_unknown(adviseur_client):
    pagina = soep(
        adviseur_client.get(reverse("benchmark:benchmark"), {"gemeenten": VIJFHEERENLANDEN})
    )
    rij = pagina.select_one("#benchmark-tabel tbody tr.table-warning")
    cellen = [td.get_text(strip=True) for td in rij.select("td")]
    assert cellen[1:] == ["onbekend", "onbekend", "onbekend", "onbekend"]
    assert "geen cijfers geleverd" in rij.th.get_text()
    assert "bijna geen overhead" not in rij.th.get_text()
    assert "dus onbekend: Vijfheerenlanden" in pagina.get_text(" ", strip=True)


def test_the_gemeente_page_says_unknown(adviseur_client):
    url = reverse("casussen:gemeente", kwargs={"slug": VIJFHEERENLANDEN.lower()})
    tekst = soep(adviseur_client.get(url)).select_one("#benchmark-positie-kop").parent
    tekst = tekst.get_text(" ", strip=True)
    assert "Overhead onbekend" in tekst
    assert "€ 0" not in tekst and "−100" not in tekst and "Bijna geen overhead" not in tekst


def test_the_business_case_takes_no_zero_from_iv3(maak_afweging):
    afweging = maak_afweging(gemeenten=[VIJFHEERENLANDEN, GORINCHEM])
    doorrekening = bereken(afweging)
    assert doorrekening.zonder_cijfers == ["Vijfheerenlanden"]
    assert doorrekening.basis is None
    assert doorrekening.basis_bron.startswith("onbekend")
    assert "Vijfheerenlanden" not in doorrekening.via_bijdrage


def test_the_report_says_unknown(maak_afweging):
    afweging = maak_afweging(gemeenten=[VIJFHEERENLANDEN, GORINCHEM])
    rapport = rapport_van(afweging)
    rij = next(r for r in rapport.benchmark_rijen if r["gemeentenaam"] == "Vijfheerenlanden")
    assert rij["overhead"] == "onbekend" and rij["afwijking"] == "onbekend"
    assert rapport.benchmark_groep is None
    assert rapport.benchmark_zonder_cijfers == ["Vijfheerenlanden"]


def test_the_csv_export_leaves_it_empty_and_flags_it():
    uit = io.StringIO()
    call_command("exporteer_benchmark", "--jaar", "2023", "--document", "jaarrekening", stdout=uit)
    rijen = {r["gemeentecode"]: r for r in csv.DictReader(io.StringIO(uit.getvalue()))}
    rij = rijen[VIJFHEERENLANDEN]
    assert (
        rij["overhead_lasten_eur"] == rij["afwijking_pct"] == rij["overhead_per_inwoner_eur"] == ""
    )
    assert rij["vlag_geen_cijfers"] == "True" and rij["vlag_bijna_nul"] == "False"
    assert rijen[GORINCHEM]["vlag_geen_cijfers"] == "False"
