"""The business case's charts: plotly for the page, static SVG for the PDF, from the same
projections and contributions (each with its table beside it)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

import plotly.graph_objects as go

from weergave import getallen, palet
from weergave import grafieken as g
from weergave.grafieken import LAYOUT_BASIS, als_data
from weergave.puntlabels import tekstbreedte
from weergave.svg import BREEDTE, HOOGTE, MARGE, achtergrond, document, ronde_ticks, schaal

GROOTTE = 11  # The SVG's font size (weergave.svg.document).
AFSTAND = 6  # Between the tick labels and the axis, and between them and the title.
TITEL_RUIMTE = 14  # The rotated axis title's glyphs.
LEGENDA_HOOGTE = 40  # The band above the plot area that holds the legend.


def businesscase_grafiek(projecties: list[tuple[str, object]]) -> dict:
    """Cumulative net effect per variant over ten years, with the zero line."""
    sporen = []
    for (_, projectie), kleur in zip(projecties, palet.VARIANTEN, strict=False):
        sporen.append(
            go.Scatter(
                x=[j.jaar for j in projectie.jaren],
                y=projectie.cumulatief,
                mode="lines+markers",
                name=projectie.variant.naam,
                line=dict(color=kleur, width=3),
                hoverlabel=g.hoverlabel(kleur),
                hovertemplate="Jaar %{x}: € %{y:,.0f} cumulatief<extra>%{fullData.name}</extra>",
            )
        )
    figuur = go.Figure(sporen)
    figuur.add_hline(y=0, line_color=palet.OMLIJNING, line_width=1)
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=340,
        xaxis=dict(title=g.AS_JAAR_NA_START, dtick=1, gridcolor=palet.RASTER),
        yaxis=dict(title=g.AS_CUMULATIEF, tickformat=",.0f", gridcolor=palet.RASTER),
        legend=dict(orientation="h", y=-0.25),
    )
    return als_data(figuur)


def bijdragen_grafiek(bijdragen: list) -> dict:
    """Per member: overhead alone now against the contribution under the key."""
    namen = [b.deelnemer.naam for b in bijdragen]
    figuur = go.Figure(
        [
            go.Bar(
                x=namen,
                y=[b.deelnemer.overhead for b in bijdragen],
                name="Alleen (nu)",
                marker_color=palet.ALLEEN,
                hoverlabel=g.hoverlabel(palet.ALLEEN),
                hovertemplate="%{x}: € %{y:,.0f}<extra>Alleen</extra>",
            ),
            go.Bar(
                x=namen,
                y=[b.bijdrage for b in bijdragen],
                name="Bijdrage na fusie",
                marker_color=palet.BIJDRAGE,
                hoverlabel=g.hoverlabel(palet.BIJDRAGE),
                hovertemplate="%{x}: € %{y:,.0f}<extra>Bijdrage</extra>",
            ),
        ]  # fmt: skip
    )
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=320,
        barmode="group",
        yaxis=dict(title=g.AS_OVERHEAD_PER_JAAR, tickformat=",.0f", gridcolor=palet.RASTER),
        legend=dict(orientation="h", y=-0.2),
    )
    return als_data(figuur)


def businesscase_svg(projecties) -> str:
    """Cumulative net effect per variant per year, on round ticks in the table's notation,
    the axis title clear of the tick labels and the legend above the plot area."""
    waarden = [w for _, p in projecties for w in p.cumulatief] + [0.0]
    ticks = ronde_ticks(min(waarden), max(waarden))
    teksten = [getallen.geheel(t) for t in ticks]
    # Room for the widest tick label and, left of it, the axis title.
    breedste = max(tekstbreedte(t, GROOTTE) for t in teksten)
    links = max(MARGE["links"], math.ceil(breedste) + 2 * AFSTAND + TITEL_RUIMTE)
    boven = MARGE["boven"] + LEGENDA_HOOGTE
    sx = schaal(1, 10, links, BREEDTE - MARGE["rechts"], False)
    sy = schaal(ticks[0], ticks[-1], HOOGTE - MARGE["onder"], boven, False)
    delen = [achtergrond()]
    for jaar in range(1, 11):
        delen.append(
            f'<text x="{sx(jaar):.1f}" y="{HOOGTE - MARGE["onder"] + 16}" text-anchor="middle">{jaar}</text>'
        )
    for waarde, tekst in zip(ticks, teksten, strict=True):
        y = sy(waarde)
        delen.append(
            f'<line x1="{links}" y1="{y:.1f}" x2="{BREEDTE - MARGE["rechts"]}" y2="{y:.1f}" stroke="{palet.RASTER}"/>'
        )
        delen.append(
            f'<text class="tick-y" x="{links - AFSTAND}" y="{y + 4:.1f}" text-anchor="end">{tekst}</text>'
        )
    delen.append(
        f'<line x1="{links}" y1="{sy(0):.1f}" x2="{BREEDTE - MARGE["rechts"]}" y2="{sy(0):.1f}" stroke="{palet.OMLIJNING}"/>'
    )
    delen.append(
        f'<text x="{(links + BREEDTE) / 2:.0f}" y="{HOOGTE - 14}" text-anchor="middle">{escape(g.AS_JAAR_NA_START)}</text>'
    )
    # Rotated, the title's glyphs lie left of its baseline: the baseline sits just left of
    # the widest tick label.
    titel_x = links - 2 * AFSTAND - breedste
    delen.append(
        f'<text class="titel-y" transform="translate({titel_x:.1f} {(boven + HOOGTE - MARGE["onder"]) / 2:.0f}) rotate(-90)" '
        f'text-anchor="middle">{escape(g.AS_CUMULATIEF)}</text>'
    )
    for i, ((_, projectie), kleur) in enumerate(zip(projecties, palet.VARIANTEN, strict=False)):
        punten = " ".join(
            f"{sx(j.jaar):.1f},{sy(c):.1f}"
            for j, c in zip(projectie.jaren, projectie.cumulatief, strict=True)
        )
        delen.append(
            f'<polyline points="{punten}" fill="none" stroke="{kleur}" stroke-width="2.5"/>'
        )
        delen.append(
            f'<rect x="{links + 6}" y="{MARGE["boven"] + i * 15}" width="12" height="4" fill="{kleur}"/>'
        )
        delen.append(
            f'<text x="{links + 22}" y="{MARGE["boven"] + 5 + i * 15}">{escape(projectie.variant.naam)}</text>'
        )
    return document(delen, "Cumulatief netto-effect per variant over tien jaar")
