"""Issue 13: the counterfactual of a fusieorganisatie's overhead over the years.

The expectations are computed here by hand from the Iv3 rows and the inhabitants (ORM
queries on taakveld 0.4, sums and divisions), not through benchmark.overhead: the members
together per file, the trend refitted on the gemeenten without a fusion selected here, and
the band's percentiles over the gemeenten of similar size selected here.
"""

import statistics
import xml.etree.ElementTree as ET
from decimal import Decimal

import numpy as np
import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template, TemplateSyntaxError
from django.template.loader import render_to_string
from django.urls import reverse

from benchmark import kanttekeningen
from benchmark.charts import tegenfeitelijk_grafiek
from benchmark.models import Iv3Bestand, Iv3Regel
from benchmark.positie import Positie, Tegenfeitelijkdeel, bestond_in
from benchmark.svg import tegenfeitelijk_svg
from benchmark.tegenfeitelijk import tegenfeitelijk
from casussen.models import Deelname, Fusieorganisatie, Inwonertal
from tests.html import soep
from weergave import getallen


def soep_van(html):
    return BeautifulSoup(html, "html.parser")


pytestmark = pytest.mark.django_db

NS = {"svg": "http://www.w3.org/2000/svg"}
VOORSCHOTEN, WASSENAAR = "GM0626", "GM0629"
DUIVENVOORDE = [VOORSCHOTEN, WASSENAAR]  # Werkorganisatie Duivenvoorde (Bijlage, nr. 6).
VIJFHEERENLANDEN, GORINCHEM = "GM1961", "GM0512"
# The files the app ships (fixtures/iv3), in the order of document and year: each document
# is a series of its own (a begroting is a plan, a jaarrekening what was spent).
BESTANDEN = [
    ("begroting", 2023),
    ("begroting", 2024),
    ("begroting", 2025),
    ("jaarrekening", 2023),
]


def overhead_met_de_hand(bestand: Iv3Bestand) -> dict[str, dict]:
    """Per gemeente in the file: 0.4 lasten and salaries in euros, whether any taakveld is
    not 0 (a file of zeros delivered no figures) and the inhabitants of that year."""
    geboekt = set(
        Iv3Regel.objects.filter(bestand=bestand)
        .exclude(lasten=0, baten=0)
        .values_list("gemeente__code", flat=True)
    )
    inwoners = dict(
        Inwonertal.objects.filter(jaar=bestand.jaar).values_list("gemeente__code", "aantal")
    )
    uit = {}
    for code, naam, lasten, salarissen in Iv3Regel.objects.filter(
        bestand=bestand, taakveld__code="0.4"
    ).values_list("gemeente__code", "gemeente__naam", "lasten", "salarissen"):
        uit[code] = {
            "naam": naam,
            "lasten": lasten * 1000,
            "salarissen": (salarissen or Decimal(0)) * 1000,
            "geboekt": code in geboekt,
            "inwoners": inwoners.get(code),
        }
    return uit


def zonder_fusie_met_de_hand(cijfers: dict[str, dict]) -> dict[str, dict]:
    """The gemeenten the trend is fitted on, selected here: in no active fusieorganisatie,
    figures and inhabitants known, at least € 25 overhead per inhabitant booked and at
    least 10% of it salaries (report §6.2-6.3, the benchmark's flags)."""
    in_fusie = set(
        Deelname.objects.filter(fusieorganisatie__status="actief").values_list(
            "gemeente__code", flat=True
        )
    )
    uit = {}
    for code, c in cijfers.items():
        if code in in_fusie or not c["geboekt"] or not c["inwoners"]:
            continue
        if c["lasten"] / c["inwoners"] < 25 or c["salarissen"] < Decimal("0.10") * c["lasten"]:
            continue
        uit[code] = c
    return uit


def percentiel(waarden, p: int) -> float:
    """Linear between the two nearest ranks (statistics' inclusive method)."""
    return statistics.quantiles(waarden, n=100, method="inclusive")[p - 1]


def met_de_hand(bestand: Iv3Bestand, codes: list[str]) -> dict:
    cijfers = overhead_met_de_hand(bestand)
    inwoners = sum(cijfers[c]["inwoners"] for c in codes)
    overhead = sum(cijfers[c]["lasten"] for c in codes)
    basis = zonder_fusie_met_de_hand(cijfers)
    x = np.array([float(c["inwoners"]) for c in basis.values()]) / 1e5
    y = np.array([float(c["lasten"]) for c in basis.values()])
    verwacht = float(np.polyval(np.polyfit(x, y, 3), inwoners / 1e5))
    band = {
        code: c
        for code, c in basis.items()
        if code not in codes and inwoners / 1.5 <= c["inwoners"] <= inwoners * 1.5
    }
    per_inwoner = [float(c["lasten"] / c["inwoners"]) for c in band.values()]
    return {
        "inwoners": inwoners,
        "per_inwoner": float(overhead / inwoners),
        "verwacht_per_inwoner": verwacht / inwoners,
        "trend_n": len(basis),
        "band_namen": sorted(c["naam"] for c in band.values()),
        "percentielen": [percentiel(per_inwoner, p) for p in (10, 25, 50, 75, 90)],
    }


@pytest.fixture
def duivenvoorde():
    return tegenfeitelijk(DUIVENVOORDE, "Werkorganisatie Duivenvoorde")


def test_there_is_a_row_for_every_file_in_the_order_of_document_and_year(duivenvoorde):
    assert Iv3Bestand.objects.count() == len(BESTANDEN)
    assert [(r.document, r.jaar) for r in duivenvoorde.rijen] == BESTANDEN
    assert [r.label for r in duivenvoorde.rijen] == [f"{d} {j}" for d, j in BESTANDEN]
    assert duivenvoorde.leden == ("Voorschoten", "Wassenaar")
    assert [(d, [r.jaar for r in rijen]) for d, rijen in duivenvoorde.documenten] == [
        ("begroting", [2023, 2024, 2025]), ("jaarrekening", [2023]),
    ]  # fmt: skip


@pytest.mark.parametrize(("document", "jaar"), BESTANDEN)
def test_the_members_together_against_the_trend_recomputed_by_hand(duivenvoorde, document, jaar):
    bestand = Iv3Bestand.objects.get(jaar=jaar, document=document)
    hand = met_de_hand(bestand, DUIVENVOORDE)
    rij = next(r for r in duivenvoorde.rijen if (r.document, r.jaar) == (document, jaar))
    assert rij.bekend and rij.onbekend == ""
    assert rij.inwoners == hand["inwoners"]
    assert rij.per_inwoner == pytest.approx(hand["per_inwoner"], rel=1e-12)
    assert rij.trend_n == hand["trend_n"]
    assert rij.verwacht_per_inwoner == pytest.approx(hand["verwacht_per_inwoner"], rel=1e-9)
    afwijking = hand["per_inwoner"] - hand["verwacht_per_inwoner"]
    assert rij.afwijking_per_inwoner == pytest.approx(afwijking, rel=1e-9)
    assert rij.afwijking_pct == pytest.approx(afwijking / hand["verwacht_per_inwoner"], rel=1e-9)


@pytest.mark.parametrize(("document", "jaar"), BESTANDEN)
def test_the_band_is_the_spread_of_gemeenten_without_a_fusion_of_similar_size(
    duivenvoorde, document, jaar
):
    bestand = Iv3Bestand.objects.get(jaar=jaar, document=document)
    hand = met_de_hand(bestand, DUIVENVOORDE)
    band = next(r for r in duivenvoorde.rijen if (r.document, r.jaar) == (document, jaar)).band
    # Around 53,000 inhabitants there are far more than 15: the first window is used.
    assert len(hand["band_namen"]) >= 15
    assert band.factor == 1.5 and not band.verbreed
    assert band.van_inwoners == getallen.heel(hand["inwoners"] / 1.5)
    assert band.tot_inwoners == getallen.heel(hand["inwoners"] * 1.5)
    assert band.n == len(hand["band_namen"])
    assert list(band.gemeenten) == hand["band_namen"]
    assert not {"Voorschoten", "Wassenaar"} & set(band.gemeenten)
    assert [band.p10, band.p25, band.p50, band.p75, band.p90] == pytest.approx(
        hand["percentielen"], rel=1e-12
    )


def test_a_small_window_is_widened_to_fifteen_gemeenten_and_says_so():
    """Amsterdam has no neighbour in size: between 2/3 and 3/2 of its inhabitants lies no
    gemeente without a fusion, so the window widens until it holds fifteen."""
    reeks = tegenfeitelijk(["GM0363"], "Amsterdam")
    bestand = Iv3Bestand.objects.get(jaar=2023, document="jaarrekening")
    cijfers = overhead_met_de_hand(bestand)
    basis = zonder_fusie_met_de_hand(cijfers)
    inwoners = cijfers["GM0363"]["inwoners"]
    band = next(r for r in reeks.rijen if r.label == "jaarrekening 2023").band
    assert band.verbreed and band.n >= 15
    binnen = [
        c for code, c in basis.items()
        if code != "GM0363"
        and inwoners / band.factor <= c["inwoners"] <= inwoners * band.factor
    ]  # fmt: skip
    assert band.n == len(binnen)
    # The step before held fewer than fifteen.
    vorige = {1.5: None, 2.0: 1.5, 3.0: 2.0, 5.0: 3.0, 10.0: 5.0}[band.factor]
    if vorige:
        assert (
            sum(inwoners / vorige <= c["inwoners"] <= inwoners * vorige for c in basis.values())
            < 15
        )


def test_a_member_without_figures_makes_the_row_unknown_and_names_it():
    """Vijfheerenlanden has 0 on every taakveld in the jaarrekening 2023 (and in the
    begrotingen 2024 and 2025), but delivered figures in the begroting 2023."""
    reeks = tegenfeitelijk([VIJFHEERENLANDEN, GORINCHEM], "Vijfheerenlanden en Gorinchem")
    rijen = {r.label: r for r in reeks.rijen}
    for bestand in Iv3Bestand.objects.all():
        geleverd = overhead_met_de_hand(bestand)[VIJFHEERENLANDEN]["geboekt"]
        rij = rijen[f"{bestand.document} {bestand.jaar}"]
        if geleverd:
            assert rij.bekend
            hand = met_de_hand(bestand, [VIJFHEERENLANDEN, GORINCHEM])
            assert rij.per_inwoner == pytest.approx(hand["per_inwoner"], rel=1e-12)
        else:
            assert not rij.bekend
            assert "Vijfheerenlanden" in rij.onbekend and "Gorinchem" not in rij.onbekend
            assert "geen cijfers geleverd" in rij.onbekend
            assert (rij.inwoners, rij.per_inwoner, rij.verwacht_per_inwoner, rij.band) == (
                None,
                None,
                None,
                None,
            )
    assert rijen["begroting 2023"].bekend and not rijen["jaarrekening 2023"].bekend


def test_members_without_iv3_rows_are_named():
    """Werkorganisatie Vijfheerenlanden's members merged into Vijfheerenlanden in 2019:
    no file has rows of Leerdam, Vianen or Zederik."""
    org = Fusieorganisatie.objects.get(slug="vijfheerenlanden")
    codes = [d.gemeente.code for d in org.deelnames.select_related("gemeente")]
    reeks = tegenfeitelijk(codes, org.naam)
    assert not reeks.heeft_cijfers
    for rij in reeks.rijen:
        assert rij.onbekend == "geen Iv3-cijfers van Leerdam, Vianen en Zederik in dit bestand"


def test_a_file_loaded_later_appears_without_code_change(duivenvoorde):
    """A jaarrekening 2024, here the begroting 2024's rows under another document: it has
    its own row, after the jaarrekening 2023 in the jaarrekeningen' series."""
    begroting = Iv3Bestand.objects.get(jaar=2024, document="begroting")
    nieuw = Iv3Bestand.objects.create(
        jaar=2024, document="jaarrekening", bron="Test: begroting 2024 als jaarrekening",
        controlesom="test", aantal_regels=begroting.regels.count(),
    )  # fmt: skip
    Iv3Regel.objects.bulk_create(
        Iv3Regel(bestand=nieuw, gemeente_id=r.gemeente_id, taakveld_id=r.taakveld_id,
                 lasten=r.lasten, baten=r.baten, salarissen=r.salarissen)
        for r in begroting.regels.all()
    )  # fmt: skip
    reeks = tegenfeitelijk(DUIVENVOORDE, "Werkorganisatie Duivenvoorde")
    assert reeks is not duivenvoorde
    assert [r.label for r in reeks.rijen] == [
        "begroting 2023", "begroting 2024", "begroting 2025", "jaarrekening 2023",
        "jaarrekening 2024",
    ]  # fmt: skip
    rij = reeks.rijen[4]
    hand = met_de_hand(nieuw, DUIVENVOORDE)
    assert rij.bron == "Test: begroting 2024 als jaarrekening"
    assert rij.per_inwoner == pytest.approx(hand["per_inwoner"], rel=1e-12)
    assert rij.band.n == len(hand["band_namen"])
    assert rij.band.p50 == pytest.approx(hand["percentielen"][2], rel=1e-12)


def test_the_series_is_kept_while_the_data_stay_the_same_and_follows_a_change(duivenvoorde):
    assert tegenfeitelijk(DUIVENVOORDE, "Werkorganisatie Duivenvoorde") is duivenvoorde
    regel = Iv3Regel.objects.get(
        bestand__jaar=2023, bestand__document="jaarrekening", taakveld__code="0.4",
        gemeente__code=VOORSCHOTEN,
    )  # fmt: skip
    regel.lasten += 1000  # € 1 mln more.
    regel.save()
    na = tegenfeitelijk(DUIVENVOORDE, "Werkorganisatie Duivenvoorde")
    voor, erna = (
        next(r for r in reeks.rijen if r.label == "jaarrekening 2023")
        for reeks in (duivenvoorde, na)
    )
    assert erna.per_inwoner - voor.per_inwoner == pytest.approx(1_000_000 / voor.inwoners)


def test_flags_of_members_are_carried_and_shown_as_caveats():
    """A member whose 0.4 holds under 10% salaries, found here by hand in the jaarrekening
    2023 among the members of active fusieorganisaties."""
    bestand = Iv3Bestand.objects.get(jaar=2023, document="jaarrekening")
    cijfers = overhead_met_de_hand(bestand)
    leden = Deelname.objects.filter(fusieorganisatie__status="actief").values_list(
        "gemeente__code", flat=True
    )
    gemarkeerd = sorted(
        code for code in leden
        if code in cijfers and cijfers[code]["geboekt"] and cijfers[code]["inwoners"]
        and cijfers[code]["lasten"] / cijfers[code]["inwoners"] >= 25
        and cijfers[code]["salarissen"] < Decimal("0.10") * cijfers[code]["lasten"]
    )  # fmt: skip
    assert gemarkeerd, "a member paid by contribution in the jaarrekening 2023"
    code = gemarkeerd[0]
    naam = cijfers[code]["naam"]
    reeks = tegenfeitelijk([code, VOORSCHOTEN], "Proef")
    rij = next(r for r in reeks.rijen if r.label == "jaarrekening 2023")
    assert rij.bijdrage == (naam,) and rij.bekend
    assert f"{naam} (" in next(k for k in reeks.kanttekeningen if kanttekeningen.BIJDRAGE in k)


def test_the_caveats_say_plan_band_nominal_and_reuse_the_benchmark_texts(duivenvoorde):
    for tekst in (
        kanttekeningen.BEGROTING_IS_PLAN,
        kanttekeningen.BAND_GEEN_VOORSPELLING,
        kanttekeningen.NOMINAAL,
        kanttekeningen.TREND,
        kanttekeningen.LEDEN_BIJDRAGE,
        kanttekeningen.GEEN_CIJFERS,
    ):
        assert tekst in duivenvoorde.kanttekeningen
    assert "begroting is een plan" in kanttekeningen.BEGROTING_IS_PLAN
    assert "nominaal" in kanttekeningen.NOMINAAL
    assert "geen voorspelling" in kanttekeningen.BAND_GEEN_VOORSPELLING


def test_the_svg_holds_the_series_and_escapes_names(duivenvoorde):
    naam = 'Duivenvoorde <script>"&"</script>'
    reeks = tegenfeitelijk(DUIVENVOORDE, naam)
    svg = tegenfeitelijk_svg(reeks)
    boom = ET.fromstring(svg)  # Would fail on an unescaped name.
    assert "<script>" not in svg
    assert naam in boom.find("svg:title", NS).text
    leden = boom.find(".//svg:g[@data-reeks='leden']", NS)
    assert naam in leden.find("svg:title", NS).text
    titels = [c.find("svg:title", NS).text for c in leden.iterfind("svg:circle", NS)]
    verwacht = []
    for document, jaar in BESTANDEN:
        hand = met_de_hand(Iv3Bestand.objects.get(jaar=jaar, document=document), DUIVENVOORDE)
        verwacht.append(f"{document} {jaar}: € {getallen.bedrag(hand['per_inwoner'])} per inwoner")
    assert titels == verwacht
    for sleutel in ("band", "mediaan", "verwacht"):
        assert boom.find(f".//svg:g[@data-reeks='{sleutel}']", NS) is not None
    assert len(boom.findall(".//svg:g[@data-reeks='band']/svg:polygon", NS)) == 1


def test_the_svg_marks_an_unknown_file_and_breaks_the_line():
    reeks = tegenfeitelijk([VIJFHEERENLANDEN, GORINCHEM], "Vijfheerenlanden en Gorinchem")
    boom = ET.fromstring(tegenfeitelijk_svg(reeks))
    onbekend = [t.text for t in boom.iterfind(".//svg:text[@class='onbekend']", NS)]
    assert len(onbekend) == sum(not r.bekend for r in reeks.rijen) == 3
    assert set(onbekend) == {"onbekend"}
    leden = boom.find(".//svg:g[@data-reeks='leden']", NS)
    assert len(leden.findall("svg:circle", NS)) == 1  # Only the begroting 2023.
    assert not leden.findall("svg:polyline", NS)  # One point: no line to draw.


def test_the_plotly_chart_has_the_series_of_the_table(duivenvoorde):
    figuur = tegenfeitelijk_grafiek(duivenvoorde)
    # One trace per series and document: no line joins a begroting to a jaarrekening.
    leden = [s for s in figuur["data"] if s.get("legendgroup") == "leden"]
    assert [s["x"] for s in leden] == [
        ["begroting 2023", "begroting 2024", "begroting 2025"], ["jaarrekening 2023"],
    ]  # fmt: skip
    assert [s["y"] for s in leden] == [
        pytest.approx([r.per_inwoner for r in rijen]) for _, rijen in duivenvoorde.documenten
    ]
    # The legend names each series once.
    assert [s.get("showlegend", True) for s in leden] == [True, False]
    assert leden[0]["name"] == "Werkorganisatie Duivenvoorde:<br>deelnemers samen"
    # The band: an area over the begrotingen' years; for the one jaarrekening a bar from
    # its 25th to its 75th percentile, with the median as a mark across it.
    (begrotingen, jaarrekening) = duivenvoorde.documenten
    (vlak,) = [s for s in figuur["data"] if s.get("fill") == "tonexty"]
    assert vlak["y"] == pytest.approx([r.band.p75 for r in begrotingen[1]])
    (staaf,) = [s for s in figuur["data"] if s["type"] == "bar"]
    band = jaarrekening[1][0].band
    assert (staaf["x"], staaf["base"]) == (["jaarrekening 2023"], pytest.approx([band.p25]))
    assert staaf["y"] == pytest.approx([band.p75 - band.p25])
    assert staaf["showlegend"] is False
    # Each place shows its year; the document's name stands under its years, once.
    xas = figuur["layout"]["xaxis"]
    assert xas["ticktext"] == ["2023", "2024", "2025", "2023"]
    groepen = [
        a for a in figuur["layout"]["annotations"] if a["text"] in ("Begroting", "Jaarrekening")
    ]
    assert [(a["text"], a["x"]) for a in groepen] == [("Begroting", 1.0), ("Jaarrekening", 3.0)]
    assert [v["x0"] for v in figuur["layout"]["shapes"]] == [2.5]
    assert figuur["layout"]["yaxis"]["title"]["text"] == "Overhead per inwoner (€)"
    ontsnapt = tegenfeitelijk_grafiek(tegenfeitelijk(DUIVENVOORDE, "A <b>&</b>"))
    assert any(s.get("name", "").startswith("A &lt;b&gt;&amp;") for s in ontsnapt["data"])


def _tabel(html: str, deel: Tegenfeitelijkdeel):
    return BeautifulSoup(html, "html.parser").find("table", id=deel.tabel_id)


def test_the_partial_shows_unknown_rows_as_onbekend_with_the_reason():
    deel = Tegenfeitelijkdeel([VIJFHEERENLANDEN, GORINCHEM], "Vijfheerenlanden en Gorinchem")
    html = render_to_string("benchmark/_tegenfeitelijk.html", {"deel": deel})
    tabel = _tabel(html, deel)
    assert "Bron: CBS (Iv3)" in tabel.caption.get_text()
    assert all(th.get("scope") for th in tabel.select("th"))
    rijen = {tr.th.find(string=True).strip(): tr for tr in tabel.select("tbody tr")}
    onbekend = rijen["Jaarrekening 2023"].get_text(" ", strip=True)
    assert onbekend.startswith("Jaarrekening 2023 onbekend")
    assert "Vijfheerenlanden" in onbekend and "€" not in onbekend
    bekend = [td.get_text(strip=True) for td in rijen["Begroting 2023"].select("td")]
    hand = met_de_hand(
        Iv3Bestand.objects.get(jaar=2023, document="begroting"), [VIJFHEERENLANDEN, GORINCHEM]
    )
    assert bekend[:2] == [getallen.aantal(hand["inwoners"]), getallen.bedrag(hand["per_inwoner"])]
    assert "onbekend" not in bekend
    soep_ = BeautifulSoup(html, "html.parser")
    assert soep_.find(id=deel.element_id) is not None  # The chart, for the one known file.
    assert kanttekeningen.BEGROTING_IS_PLAN in soep_.get_text()


def test_the_fusieorganisatie_page_shows_the_section_for_duivenvoorde(adviseur_client):
    url = reverse("casussen:fusieorganisatie", kwargs={"slug": "werkorganisatie-duivenvoorde"})
    pagina = soep(adviseur_client.get(url))
    sectie = pagina.find("section", attrs={"aria-labelledby": "tegenfeitelijk-kop"})
    assert sectie.h2.get_text(strip=True) == (
        "Overhead door de jaren, tegen gemeenten zonder fusie van vergelijkbare grootte"
    )
    rijen = sectie.select("#tegenfeitelijk-tabel tbody tr")
    assert [tr.th.get_text(strip=True) for tr in rijen] == [
        f"{d.capitalize()} {j}" for d, j in BESTANDEN
    ]
    jaarrekening = Iv3Bestand.objects.get(jaar=2023, document="jaarrekening")
    hand = met_de_hand(jaarrekening, DUIVENVOORDE)
    cellen = [td.get_text(strip=True) for td in rijen[3].select("td")]
    assert cellen[1] == getallen.bedrag(hand["per_inwoner"])
    assert cellen[2] == getallen.bedrag(hand["verwacht_per_inwoner"])
    assert cellen[9] == getallen.bedrag(hand["percentielen"][2])  # The median.
    assert sectie.find(attrs={"data-plotly-figuur": "tegenfeitelijk-figuur"}) is not None
    assert pagina.find("script", src=lambda s: s and "plotly" in s) is not None


def test_a_member_without_cbs_code_says_unknown():
    """De Waard's members were dissolved in 2013, before the codes the Iv3 figures use."""
    org = Fusieorganisatie.objects.get(slug="de-waard")
    org.einddatum, org.status = None, Fusieorganisatie.Status.ACTIEF  # as if it still worked
    html = render_to_string(
        "casussen/_tegenfeitelijk_sectie.html",
        {"positie": Positie(fusieorganisatie=org, leden=lambda: [None, None])},
    )
    assert "Onbekend: niet alle deelnemers hebben een CBS-code" in soep_van(html).get_text(" ")
    assert soep_van(html).find("table") is None


def _sectie(client, slug):
    url = reverse("casussen:fusieorganisatie", kwargs={"slug": slug})
    pagina = soep(client.get(url))
    return pagina, pagina.find("section", attrs={"aria-labelledby": "tegenfeitelijk-kop"})


@pytest.mark.parametrize(
    ("slug", "zin"),
    [
        ("werkorganisatie-voorne", "Deze fusieorganisatie bestaat niet meer sinds 1 januari 2023 "
         "(opgegaan in herindeling): in geen van de jaren waarvan Fusietoets Iv3-cijfers heeft "
         "(2023–2025) werkte zij."),
        ("bestuursdienst-ommen-hardenberg", "Deze fusieorganisatie bestaat niet meer sinds 1 "
         "januari 2020 (beëindigd): in geen van de jaren"),
        ("houten-wijk-bij-duurstede", "Deze fusieorganisatie is nooit tot stand gekomen: de "
         "overhead van haar gemeenten zegt niets over deze fusie"),
    ],
)  # fmt: skip
def test_a_fusion_that_worked_in_none_of_the_years_gets_no_chart_and_says_why(
    adviseur_client, slug, zin
):
    """Voorne merged into a herindeling on 1 January 2023, the first day of the first year
    with figures: the figures of Voorne aan Zee are no costs of the werkorganisatie."""
    pagina, sectie = _sectie(adviseur_client, slug)
    assert zin in sectie.get_text(" ", strip=True)
    assert sectie.find("table") is None and sectie.find(attrs={"data-plotly-figuur": True}) is None
    # Nor the members together in the latest jaarrekening: the same reason.
    kaart = pagina.find(id="benchmark-positie-kop").parent.get_text(" ", strip=True)
    assert zin in kaart and "samen:" not in kaart


def test_which_years_a_fusion_worked_in():
    org = Fusieorganisatie.objects.get(slug="werkorganisatie-voorne")  # 1-1-2019 to 1-1-2023
    assert [j for j in range(2018, 2025) if bestond_in(org, j)] == [2019, 2020, 2021, 2022]
    org.einddatum = None
    assert bestond_in(org, 2025) and not bestond_in(org, 2018)
    org.startdatum = None  # unknown: no reason to leave a year out
    assert bestond_in(org, 1990)
    org.status = Fusieorganisatie.Status.NOOIT
    assert not bestond_in(org, 2023)


def test_a_fusion_that_worked_in_a_year_of_the_files_keeps_its_chart(adviseur_client):
    _, sectie = _sectie(adviseur_client, "werkorganisatie-duivenvoorde")
    assert "werkte zij" not in sectie.get_text(" ")
    assert sectie.find(attrs={"data-plotly-figuur": "tegenfeitelijk-figuur"}) is not None


def test_an_unknown_caveat_fails_loudly():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load benchmark %}{% kanttekening "BESTAAT_NIET" %}').render(Context())
    tekst = Template('{% load benchmark %}{% kanttekening "BIJDRAGE" %}').render(Context())
    assert tekst == kanttekeningen.BIJDRAGE


def test_the_benchmark_page_says_a_begroting_is_a_plan(adviseur_client):
    url = reverse("benchmark:benchmark")
    begroting = soep(adviseur_client.get(url, {"bestand": "2024-begroting"})).get_text(" ")
    jaarrekening = soep(adviseur_client.get(url, {"bestand": "2023-jaarrekening"})).get_text(" ")
    assert kanttekeningen.BEGROTING_IS_PLAN in begroting
    assert kanttekeningen.BEGROTING_IS_PLAN not in jaarrekening
