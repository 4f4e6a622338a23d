"""The benchmark scatter in the PDF (SVG) and on the page (plotly): the names of the marked
gemeenten beside their own points, the legend clear of the data (issue 11)."""

import math
import xml.etree.ElementTree as ET

import pytest

from benchmark.analyse import laatste_jaarrekening
from benchmark.charts import NAAM_GROOTTE, PLOT_BREEDTE, PLOT_HOOGTE, namen_bij_punten, spreiding
from benchmark.svg import spreiding_svg
from weergave.svg import BREEDTE, HOOGTE, MARGE

pytestmark = pytest.mark.django_db

NS = {"svg": "http://www.w3.org/2000/svg"}
DRECHTSTEDEN = ["GM0482", "GM0590", "GM0531"]  # Alblasserdam, Papendrecht, Hendrik-Ido-Ambacht.
# With Dordrecht, Zwijndrecht and Hardinxveld-Giessendam: six close together.
DRECHTSTEDEN_ALLE = [*DRECHTSTEDEN, "GM0505", "GM0642", "GM0523"]
# Generous for DejaVu Sans Bold at 11 px: a name is never wider than this box.
TEKEN = 0.7 * 11


def tekstdoos(tekst: ET.Element) -> tuple[float, float, float, float]:
    x, y = float(tekst.get("x")), float(tekst.get("y"))
    return x, y - 11, x + len(tekst.text) * TEKEN, y + 3


def afstand(doos, x, y) -> float:
    x0, y0, x1, y1 = doos
    return math.hypot(max(x0 - x, 0, x - x1), max(y0 - y, 0, y - y1))


def deelnemers(svg: str) -> list[tuple[str, float, float, tuple]]:
    """Per marked gemeente: its name, its point and the box of its name."""
    uit = []
    for groep in ET.fromstring(svg).iterfind(".//svg:g[@class='deelnemer']", NS):
        cirkel, tekst = groep.find("svg:circle", NS), groep.find("svg:text", NS)
        uit.append((tekst.text, float(cirkel.get("cx")), float(cirkel.get("cy")), tekstdoos(tekst)))
    return uit


@pytest.fixture(scope="module")
def analyse(django_db_blocker):
    with django_db_blocker.unblock():
        return laatste_jaarrekening()


@pytest.mark.parametrize("codes", [DRECHTSTEDEN, DRECHTSTEDEN_ALLE])
def test_each_name_in_the_pdf_chart_sits_next_to_its_own_point(analyse, codes):
    """Papendrecht's name sat beside Hendrik-Ido-Ambacht's point and the reverse."""
    punten = deelnemers(spreiding_svg(analyse, codes))
    namen = analyse.gegevens.set_index("gemeentecode").loc[codes, "gemeentenaam"]
    assert sorted(n for n, *_ in punten) == sorted(namen)
    for naam, x, y, doos in punten:
        eigen = afstand(doos, x, y)
        assert eigen < 30, f"{naam} staat {eigen:.0f} px van zijn punt"
        for ander, ax, ay, _ in punten:
            if ander != naam:
                assert eigen < afstand(doos, ax, ay), f"{naam} staat dichter bij {ander}"
        assert MARGE["links"] <= doos[0] and doos[2] <= BREEDTE - MARGE["rechts"]
    dozen = [d for *_, d in punten]
    for i, a in enumerate(dozen):
        for b in dozen[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], "namen overlappen"


def test_the_positions_are_those_of_the_figures_in_the_table(analyse):
    """The point that carries Papendrecht's name is Papendrecht's: more overhead (higher on
    the chart) than Hendrik-Ido-Ambacht at almost the same number of inhabitants."""
    punten = {naam: (x, y) for naam, x, y, _ in deelnemers(spreiding_svg(analyse, DRECHTSTEDEN))}
    df = analyse.gegevens.set_index("gemeentenaam")
    assert (
        df.loc["Papendrecht", "overhead_lasten_eur"]
        > df.loc["Hendrik-Ido-Ambacht", "overhead_lasten_eur"]
    )
    assert punten["Papendrecht"][1] < punten["Hendrik-Ido-Ambacht"][1]  # y grows downwards


def test_the_legend_of_the_pdf_chart_covers_no_data(analyse):
    wortel = ET.fromstring(spreiding_svg(analyse, DRECHTSTEDEN))
    onderkant = HOOGTE - MARGE["onder"]
    legenda = wortel.find(".//svg:g[@class='legenda']", NS)
    legenda_y = [float(e.get("cy") or e.get("y") or e.get("y1")) for e in legenda]
    assert min(legenda_y) - 11 > HOOGTE - 14  # Below the axis title, below the plot area.
    cirkels = [
        c for c in wortel.iter("{http://www.w3.org/2000/svg}circle") if c not in list(legenda)
    ]
    assert len(cirkels) > 300
    assert max(float(c.get("cy")) + float(c.get("r")) for c in cirkels) <= onderkant
    assert int(wortel.get("height")) >= max(legenda_y) + 4


def test_the_page_chart_names_each_gemeente_at_its_own_point(analyse):
    figuur = spreiding(analyse, DRECHTSTEDEN)
    annotaties = figuur["layout"]["annotations"]
    df = analyse.gegevens.set_index("gemeentenaam")
    assert sorted(a["text"] for a in annotaties) == [
        "<b>Alblasserdam</b>", "<b>Hendrik-Ido-Ambacht</b>", "<b>Papendrecht</b>",
    ]  # fmt: skip
    # No trace writes names itself ("top center" put them between the points).
    assert all("text" not in spoor.get("mode", "") for spoor in figuur["data"])
    for a in annotaties:
        naam = a["text"][3:-4]
        # The annotation points at the gemeente's own figures (log10: plotly's log axes)
        # and a line joins the name to that point at any size of the chart.
        assert a["x"] == pytest.approx(math.log10(df.loc[naam, "inwoners"]))
        assert a["y"] == pytest.approx(math.log10(df.loc[naam, "overhead_lasten_eur"]))
        assert a["showarrow"] and a["standoff"] > 0
        # The name's box (centred on the offset) starts within a few pixels of the point.
        breedte, hoogte = len(naam) * 0.7 * NAAM_GROOTTE, 1.2 * NAAM_GROOTTE
        doos = (
            a["ax"] - breedte / 2,
            a["ay"] - hoogte / 2,
            a["ax"] + breedte / 2,
            a["ay"] + hoogte / 2,
        )
        assert afstand(doos, 0, 0) < 20


def test_in_the_page_chart_each_name_is_nearest_its_own_point(analyse):
    """In pixels of the plot area the names are placed in, with the axes' log ranges."""
    df = analyse.gegevens
    keuze = df[df["gemeentecode"].isin(DRECHTSTEDEN_ALLE)]
    x_bereik, y_bereik = (2.5, 6.2), (5.8, 9.1)
    annotaties = namen_bij_punten(keuze, x_bereik, y_bereik)

    def pixels(a):
        return (
            (a["x"] - x_bereik[0]) / (x_bereik[1] - x_bereik[0]) * PLOT_BREEDTE,
            (1 - (a["y"] - y_bereik[0]) / (y_bereik[1] - y_bereik[0])) * PLOT_HOOGTE,
        )

    punten = {a["text"]: pixels(a) for a in annotaties}
    dozen = []
    for a in annotaties:
        px, py = punten[a["text"]]
        breedte, hoogte = (len(a["text"]) - 7) * 0.66 * NAAM_GROOTTE, 1.2 * NAAM_GROOTTE
        cx, cy = px + a["ax"], py + a["ay"]
        doos = (cx - breedte / 2, cy - hoogte / 2, cx + breedte / 2, cy + hoogte / 2)
        eigen = afstand(doos, px, py)
        for ander, (qx, qy) in punten.items():
            if ander != a["text"]:
                assert eigen < afstand(doos, qx, qy), f"{a['text']} staat dichter bij {ander}"
        dozen.append(doos)
    for i, a in enumerate(dozen):
        for b in dozen[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], "namen overlappen"
