"""The business case chart in the PDF: round ticks in the table's notation, the axis
title clear of them, the legend above the data (issue 11)."""

import xml.etree.ElementTree as ET

import pytest

from businesscase.grafieken import GROOTTE, businesscase_svg
from businesscase.projectie import Variantinvoer, projecteer
from weergave import getallen
from weergave.svg import HOOGTE, MARGE

NS = {"svg": "http://www.w3.org/2000/svg"}


def breedte(tekst: str) -> float:
    return sum({".": 0.32, getallen.MIN: 0.84}.get(teken, 0.64) for teken in tekst) * GROOTTE


def als_getal(tekst: str) -> int:
    return int(tekst.replace(".", "").replace(getallen.MIN, "-"))


@pytest.fixture
def projecties():
    # The proposal of the example: 3% saving with extra costs and VAT, against a
    # centrumconstructie with 2% and € 1,5 mln friction costs, on € 29.345.000 overhead.
    basis = 29_345_000
    return [
        ("voorgesteld", projecteer(basis, Variantinvoer("Klassieke ambtelijke fusie",
                                                        besparing_pct=3, extra_kosten=150_000,
                                                        btw_aandeel_pct=20))),
        ("alternatief", projecteer(basis, Variantinvoer("Enkelvoudige centrumconstructie",
                                                        besparing_pct=2, frictiekosten=1_500_000))),
    ]  # fmt: skip


def test_the_ticks_are_round_and_span_every_value(projecties):
    wortel = ET.fromstring(businesscase_svg(projecties))
    teksten = [t.text for t in wortel.iterfind(".//svg:text[@class='tick-y']", NS)]
    assert teksten == ["−6.000.000", "−4.000.000", "−2.000.000", "0", "2.000.000", "4.000.000"]
    waarden = [w for _, p in projecties for w in p.cumulatief]
    ticks = [als_getal(t) for t in teksten]
    assert ticks[0] <= min(waarden) and ticks[-1] >= max(waarden)
    # The table's figures are written by the same module, rounded once: never a tick of
    # 1.781.662 beside a table cell of 1.781.663.
    assert getallen.bedrag(projecties[1][1].cumulatief[-1]) == "3.782.100"


def test_an_amount_ending_in_a_half_gives_no_odd_tick():
    """1.781.662,5: the table shows 1.781.663; the axis only round amounts."""
    projectie = projecteer(
        35_633_250, Variantinvoer("Voorstel", besparing_pct=0.5, ingroei_jaren=1)
    )
    assert projectie.cumulatief[-1] == pytest.approx(1_781_662.5)
    wortel = ET.fromstring(businesscase_svg([("voorgesteld", projectie)]))
    teksten = [t.text for t in wortel.iterfind(".//svg:text[@class='tick-y']", NS)]
    assert teksten == ["0", "500.000", "1.000.000", "1.500.000", "2.000.000"]
    assert getallen.bedrag(projectie.cumulatief[-1]) == "1.781.663"


def test_the_axis_title_stands_clear_of_the_tick_labels(projecties):
    wortel = ET.fromstring(businesscase_svg(projecties))
    ticks = list(wortel.iterfind(".//svg:text[@class='tick-y']", NS))
    # Right-aligned: a label ends at x and starts its width before it, in DejaVu Sans's
    # advances (digits 0,64 em, the point 0,32 em, the minus sign 0,84 em), rounded up.
    links = min(float(t.get("x")) - breedte(t.text) for t in ticks)
    titel = wortel.find(".//svg:text[@class='titel-y']", NS)
    basislijn = float(titel.get("transform").split("(")[1].split()[0])
    # Rotated a quarter turn, the glyphs run from an ascent left of the baseline to a
    # descent just right of it.
    assert basislijn + 0.3 * GROOTTE < links
    assert basislijn - 0.9 * GROOTTE > 0


def test_the_legend_sits_above_the_data(projecties):
    wortel = ET.fromstring(businesscase_svg(projecties))
    ticks = [float(t.get("y")) - 4 for t in wortel.iterfind(".//svg:text[@class='tick-y']", NS)]
    bovenste = min(ticks)  # The highest grid line.
    for lijn in wortel.iterfind(".//svg:polyline", NS):
        ys = [float(p.split(",")[1]) for p in lijn.get("points").split()]
        assert min(ys) >= bovenste - 0.5 and max(ys) <= HOOGTE - MARGE["onder"] + 0.5
    legenda = [
        float(r.get("y")) + float(r.get("height"))
        for r in wortel.iterfind(".//svg:rect[@width='12']", NS)
    ]
    assert len(legenda) == 2
    assert max(legenda) + 6 < bovenste - GROOTTE  # Clear of the top tick label too.
