"""Decimals shown one way throughout (issue 11): one rounding (half away from zero) for every
figure, percentages with the one decimal their fields show, and chart hovers that say what
the table beside the chart says."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from afweging.scoring import bereken_uitkomst, deelvraag_invoer
from benchmark.analyse import analyse
from benchmark.charts import spreiding
from weergave import getallen


@pytest.mark.parametrize(
    ("waarde", "verwacht"), [(12.5, 13), (37.5, 38), (62.5, 63), (-2.5, -3), (0.5, 1), (0.49, 0)]
)
def test_a_whole_number_is_rounded_as_every_other_figure(waarde, verwacht):
    # Python's round() gives 12, 38, 62, −2 and 0: ties to even.
    assert getallen.heel(waarde) == verwacht


@pytest.mark.parametrize(("beantwoord", "procent"), [(1, 13), (3, 38), (5, 63), (7, 88)])
def test_completeness_rounds_its_percentage_like_the_rest(beantwoord, procent):
    deelvragen = [
        deelvraag_invoer(
            nummer=n, onderdeel="meerwaarde", naam=f"deelvraag {n}", gewicht=1.0,
            score="1" if n <= beantwoord else "", motivering="Omdat.",
        )
        for n in range(1, 9)
    ]  # fmt: skip
    assert bereken_uitkomst(deelvragen).volledigheid.procent == procent


@pytest.mark.django_db
def test_the_progress_bar_and_the_outcome_say_the_same_percentage(adviseur_client, maak_afweging):
    afweging = maak_afweging(gemeenten=["GM0489", "GM0613"])
    afweging.antwoorden.filter(deelvraag__nummer=1).update(score="1", motivering="Omdat.")
    stap = BeautifulSoup(
        adviseur_client.get(
            reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "basis"})
        ).content,
        "html.parser",
    )
    assert stap.find("progress")["value"] == "13"
    assert stap.find("progress").find_next_sibling("span").get_text() == "13%"
    uitkomst = adviseur_client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk}))
    assert "1 van 8</strong> deelvragen gemotiveerd beantwoord (13%)" in uitkomst.content.decode()


@pytest.mark.django_db
def test_the_benchmark_hover_writes_the_figures_as_the_table_does():
    resultaat = analyse(2023, "jaarrekening")
    tabel = {r["gemeentenaam"]: r for r in resultaat.tabelrijen}
    figuur = spreiding(resultaat, ["GM0489"])
    punten = [p for spoor in figuur["data"] if spoor.get("customdata") for p in spoor["customdata"]]
    assert len(punten) > 300
    for naam, per_inwoner, afwijking, _ in punten:
        assert per_inwoner == (tabel[naam]["per_inwoner"] or "onbekend"), naam
        assert afwijking == (tabel[naam]["afwijking"] or "onbekend"), naam
    # A negative deviation has the real minus sign there too.
    assert any(afwijking.startswith("\u2212") for _, _, afwijking, _ in punten)
    spoor = figuur["data"][0]
    assert "%{customdata[2]} t.o.v. trend" in spoor["hovertemplate"]


@pytest.mark.parametrize(("waarde", "verwacht"), [(0, "0,0%"), (2.5, "2,5%"), (12, "12,0%")])
def test_a_percentage_keeps_its_one_decimal_as_its_field_shows_it(waarde, verwacht):
    from django.template import engines

    sjabloon = engines["django"].from_string("{% load weergave %}{{ w|percentage }}")
    assert sjabloon.render({"w": waarde}) == verwacht
