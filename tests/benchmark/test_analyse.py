"""The overhead analysis: figures per gemeente, the trend, deviations, flags and export."""

import csv
import io

import numpy as np
import pandas as pd
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from benchmark.analyse import analyse
from benchmark.overhead import overhead_frame
from benchmark.trend import Trend, fit_trend, fitset, groep_tegen_trend, met_afwijking

pytestmark = pytest.mark.django_db


def test_overhead_per_gemeente_in_euros_per_inhabitant_and_share():
    df = overhead_frame(2023, "jaarrekening").set_index("gemeentecode")
    barendrecht = df.loc["GM0489"]
    # Source: 0.4 Overhead lasten 17,904 (× € 1.000); inhabitants 1-1-2023: 48,812.
    assert barendrecht["overhead_lasten_eur"] == 17_904_000
    assert barendrecht["inwoners"] == 48_812
    assert barendrecht["overhead_per_inwoner_eur"] == pytest.approx(17_904_000 / 48_812)
    assert barendrecht["fusieorganisatie"] == "BAR-organisatie"
    assert len(df) == 342


def test_total_lasten_exclude_reserves_and_result():
    from django.db.models import Sum

    from benchmark.models import Iv3Regel

    regels = Iv3Regel.objects.filter(
        bestand__jaar=2023, bestand__document="jaarrekening", gemeente__code="GM0489"
    )
    zonder = regels.exclude(taakveld__code__in=["0.10", "0.11"]).aggregate(s=Sum("lasten"))["s"]
    df = overhead_frame(2023, "jaarrekening").set_index("gemeentecode")
    assert df.loc["GM0489", "totale_lasten_eur"] == float(zonder) * 1000
    assert regels.filter(taakveld__code="0.10").exists()


def test_the_trend_is_fitted_on_gemeenten_in_no_fusion_organisation_only():
    df = overhead_frame(2023, "jaarrekening")
    basis = fitset(df)
    assert not basis["in_fusie"].any()
    assert not (basis["vlag_bijna_nul"] | basis["vlag_bijdrage"]).any()
    trend = fit_trend(df)
    assert trend.n == len(basis)
    assert trend.correlatie > 0.97  # The report found 0.98-0.99.
    assert trend.r2 > 0.97


def test_a_cubic_trend_recovers_a_cubic_relation_exactly():
    x = np.array([1_000, 5_000, 20_000, 50_000, 100_000, 400_000], dtype=float)
    s = x / 1e5
    y = 2 * s**3 - s**2 + 300 * s + 50_000
    df = pd.DataFrame({
        "inwoners": x, "overhead_lasten_eur": y, "in_fusie": False,
        "vlag_bijna_nul": False, "vlag_bijdrage": False,
        "gemeentecode": [f"GM{i:04d}" for i in range(len(x))],
        "gemeentenaam": [f"G{i}" for i in range(len(x))],
    })  # fmt: skip
    trend = fit_trend(df)
    assert trend.verwacht(x) == pytest.approx(y, rel=1e-9)
    afwijking = met_afwijking(df, trend)
    assert afwijking["afwijking_pct"].abs().max() < 1e-9


def test_members_together_against_the_trend():
    trend = Trend(coefficienten=(0.0, 0.0, 400.0 * 1e5, 0.0), schaal=1e5, n=3, correlatie=1,
                  r2=1, min_inwoners=1, max_inwoners=10)  # fmt: skip
    df = pd.DataFrame({
        "gemeentecode": ["A", "B"], "gemeentenaam": ["Aa", "Bb"],
        "inwoners": pd.array([10_000, 30_000], dtype="Int64"),
        "overhead_lasten_eur": [4_000_000.0, 10_000_000.0],
    })  # fmt: skip
    groep = groep_tegen_trend(df, trend, ["A", "B"], "AB")
    assert groep.inwoners == 40_000
    assert groep.verwacht_eur == pytest.approx(16_000_000)
    assert groep.afwijking_pct == pytest.approx(-0.125)
    assert groep_tegen_trend(df, trend, ["A", "C"], "AC") is None


def test_flags_near_zero_overhead_and_contribution_bookings():
    df = overhead_frame(2023, "jaarrekening").set_index("gemeentenaam")
    # Every taakveld 0.0 in the source is no figures at all (issue 12), not "almost none".
    assert df.loc["Vijfheerenlanden", "vlag_geen_cijfers"]
    assert not df.loc["Vijfheerenlanden", "vlag_bijna_nul"]
    assert df.loc["Barendrecht", "vlag_bijdrage"]  # BAR: salaries paid by the BAR-organisatie.
    assert not df.loc["'s-Gravenhage", "vlag_bijdrage"]


def test_the_analysis_is_computed_once_per_state():
    assert analyse(2023, "jaarrekening") is analyse(2023, "jaarrekening")
    assert analyse(1999, "jaarrekening") is None


def test_exporteer_benchmark_prints_csv_with_the_required_columns():
    uit = io.StringIO()
    call_command("exporteer_benchmark", "--jaar", "2023", "--document", "jaarrekening", stdout=uit)
    rijen = list(csv.DictReader(io.StringIO(uit.getvalue())))
    assert len(rijen) == 342
    assert list(rijen[0])[:5] == [
        "gemeentecode", "gemeentenaam", "inwoners", "overhead_lasten_eur",
        "overhead_per_inwoner_eur",
    ]  # fmt: skip
    barendrecht = next(r for r in rijen if r["gemeentecode"] == "GM0489")
    assert barendrecht["overhead_lasten_eur"] == "17904000"
    assert float(barendrecht["overhead_per_inwoner_eur"]) == pytest.approx(366.795, abs=1e-3)


def test_exporteer_benchmark_names_what_is_available_for_a_missing_year():
    with pytest.raises(CommandError, match="Geen Iv3-cijfers voor jaarrekening 2019"):
        call_command("exporteer_benchmark", "--jaar", "2019", "--document", "jaarrekening")


def test_the_scatter_is_built_once_per_selection_of_an_analysis():
    from benchmark.charts import spreiding_figuur

    resultaat = analyse(2023, "jaarrekening")
    eerste = spreiding_figuur(resultaat, ["GM0613", "GM0489"])
    assert spreiding_figuur(resultaat, ["GM0489", "GM0613"]) is eerste
    assert spreiding_figuur(resultaat, ["GM0489"]) is not eerste
    gekozen = next(s for s in eerste["data"] if s["name"] == "Gekozen")
    assert sorted(c[0] for c in gekozen["customdata"]) == ["Albrandswaard", "Barendrecht"]
    namen = sorted(a["text"] for a in eerste["layout"]["annotations"])
    assert namen == ["<b>Albrandswaard</b>", "<b>Barendrecht</b>"]
