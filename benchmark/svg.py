"""The benchmark's static SVG chart for the PDF (overhead against inhabitants), drawn
server-side without a browser from the same data as the page's plotly chart; it has its
table beside it in the PDF. Text is escaped, numbers in Dutch notation.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from weergave import grafieken as g
from weergave import palet, puntlabels
from weergave.puntlabels import Doos
from weergave.svg import BREEDTE, HOOGTE, MARGE, achtergrond, document, schaal

GROOTTE = 11  # The names of the deelnemers.
STRAAL = 5
LEGENDA_HOOGTE = 40  # Two rows below the chart.


def spreiding_svg(analyse, gekozen: list[str] | None = None) -> str:
    """Overhead against inhabitants on log axes, with the trend line and marked gemeenten."""
    gekozen = set(gekozen or [])
    df = analyse.gegevens
    df = df[df["inwoners"].notna() & (df["overhead_lasten_eur"] > 0).fillna(False)]
    x0, x1 = 500, 2_000_000
    y0, y1 = 500_000, 2_000_000_000
    sx = schaal(x0, x1, MARGE["links"], BREEDTE - MARGE["rechts"], True)
    sy = schaal(y0, y1, HOOGTE - MARGE["onder"], MARGE["boven"], True)
    delen = [achtergrond(hoogte=HOOGTE + LEGENDA_HOOGTE)]
    for waarde, tekst in zip(*g.ticks_inwoners(), strict=True):
        x = sx(waarde)
        delen.append(
            f'<line x1="{x:.1f}" y1="{MARGE["boven"]}" x2="{x:.1f}" y2="{HOOGTE - MARGE["onder"]}" stroke="{palet.RASTER}"/>'
        )
        delen.append(
            f'<text x="{x:.1f}" y="{HOOGTE - MARGE["onder"] + 16}" text-anchor="middle">{tekst}</text>'
        )
    for waarde, tekst in zip(*g.ticks_overhead(), strict=True):
        y = sy(waarde)
        delen.append(
            f'<line x1="{MARGE["links"]}" y1="{y:.1f}" x2="{BREEDTE - MARGE["rechts"]}" y2="{y:.1f}" stroke="{palet.RASTER}"/>'
        )
        delen.append(
            f'<text x="{MARGE["links"] - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(tekst)}</text>'
        )
    delen.append(
        f'<text x="{(MARGE["links"] + BREEDTE) / 2:.0f}" y="{HOOGTE - 14}" text-anchor="middle">'
        f"{escape(g.AS_INWONERS_LOG)}</text>"
    )
    delen.append(
        f'<text transform="translate(14 {HOOGTE / 2:.0f}) rotate(-90)" text-anchor="middle">'
        f"{escape(g.AS_OVERHEAD_LOG)}</text>"
    )
    for rij in df.itertuples():
        x, y = sx(float(rij.inwoners)), sy(float(rij.overhead_lasten_eur))
        if rij.gemeentecode in gekozen:
            continue
        kleur = palet.FUSIELID if rij.in_fusie else palet.OVERIG
        delen.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{kleur}" stroke="{palet.OMLIJNING}" stroke-width="0.3"/>'
        )
    lijn_x, lijn_y = analyse.trend.lijn(120)
    punten = " ".join(
        f"{sx(a):.1f},{sy(b):.1f}" for a, b in zip(lijn_x, lijn_y, strict=True) if b > y0
    )
    delen.append(
        f'<polyline points="{punten}" fill="none" stroke="{palet.TREND}" stroke-width="1.6"/>'
    )
    keuze = df[df["gemeentecode"].isin(gekozen)].sort_values("inwoners")
    plot = Doos(MARGE["links"], MARGE["boven"], BREEDTE - MARGE["rechts"], HOOGTE - MARGE["onder"])
    plaatsingen = puntlabels.plaats(
        [
            (sx(float(r.inwoners)), sy(float(r.overhead_lasten_eur)), r.gemeentenaam)
            for r in keuze.itertuples()
        ],
        gebied=plot,
        grootte=GROOTTE,
        straal=STRAAL,
    )
    for p in plaatsingen:
        # Point, name and leader line in one group: the name belongs to this point.
        deel = [
            f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="{STRAAL}" fill="{palet.GEKOZEN}" '
            f'stroke="{palet.OMLIJNING}"/>'
        ]
        if p.lijn:
            lx, ly = p.doos.dichtstbij(p.x, p.y)
            deel.append(
                f'<line x1="{p.x:.1f}" y1="{p.y:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" '
                f'stroke="{palet.OMLIJNING}" stroke-width="0.8"/>'
            )
        deel.append(
            f'<text x="{p.doos.x0:.1f}" y="{p.doos.y1 - GROOTTE * 0.3:.1f}" '
            f'font-size="{GROOTTE}" font-weight="bold">{escape(p.naam)}</text>'
        )
        delen.append(f'<g class="deelnemer">{"".join(deel)}</g>')
    # The legend sits below the axis title, outside the plot area: it covers no point.
    legenda = [
        (palet.OVERIG, g.REEKS_OVERIG),
        (palet.FUSIELID, g.REEKS_FUSIELID),
        (palet.GEKOZEN, g.REEKS_DEELNEMERS),
        (None, g.REEKS_TREND),
    ]
    items = []
    for i, (kleur, tekst) in enumerate(legenda):
        lx = MARGE["links"] + (i % 2) * 270
        ly = HOOGTE + 8 + (i // 2) * 16
        if kleur is None:
            items.append(
                f'<line x1="{lx - 6}" y1="{ly}" x2="{lx + 6}" y2="{ly}" stroke="{palet.TREND}" '
                'stroke-width="1.6"/>'
            )
        else:
            items.append(f'<circle cx="{lx}" cy="{ly}" r="4" fill="{kleur}"/>')
        items.append(f'<text x="{lx + 10}" y="{ly + 4}">{escape(tekst)}</text>')
    delen.append(f'<g class="legenda">{"".join(items)}</g>')
    return document(
        delen,
        "Overhead tegen inwoners per gemeente, met trendlijn",
        hoogte=HOOGTE + LEGENDA_HOOGTE,
    )
