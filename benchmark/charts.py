"""Benchmark charts: the scatter of overhead against inhabitants with the trend line, and
the counterfactual over the years (benchmark/tegenfeitelijk.py).

Returns plain figure data for the templates (plotly in the browser). Every chart has a
table beside it on the page with the same figures.
"""

from __future__ import annotations

import html
import math
import textwrap

import plotly.graph_objects as go

from benchmark.analyse import Analyse
from benchmark.tegenfeitelijk import Tijdreeks
from weergave import getallen, palet, puntlabels
from weergave import grafieken as g
from weergave.grafieken import LAYOUT_BASIS, als_data
from weergave.puntlabels import Doos

# The plot area as the page usually draws it (the chart is as wide as its column), for
# placing the names of the marked gemeenten in pixels; a leader line keeps each name
# joined to its point at any other size.
PLOT_BREEDTE, PLOT_HOOGTE = 460, 350
NAAM_GROOTTE = 13
GEKOZEN_GROOTTE = 13  # Marker diameter.


def _log_bereik(waarden) -> tuple[float, float]:
    """Roughly plotly's autorange of a log axis: the data's extent plus a twentieth."""
    logs = [math.log10(w) for w in waarden if w and w > 0]
    lo, hi = min(logs), max(logs)
    rand = (hi - lo) / 20 or 0.5
    return lo - rand, hi + rand


def namen_bij_punten(keuze, x_bereik, y_bereik) -> list[dict]:
    """Annotations that put each marked gemeente's name beside its own point, with a line
    to it (never "top center" for all: two gemeenten of similar size then swapped names).
    x and y are log10 values, as plotly wants for annotations on log axes."""
    if keuze.empty:
        return []

    def px(waarde, bereik, lengte, omgekeerd=False):
        deel = (math.log10(waarde) - bereik[0]) / (bereik[1] - bereik[0])
        return (1 - deel if omgekeerd else deel) * lengte

    rijen = list(keuze.itertuples())
    plaatsingen = puntlabels.plaats(
        [
            (
                px(float(r.inwoners), x_bereik, PLOT_BREEDTE),
                px(float(r.overhead_lasten_eur), y_bereik, PLOT_HOOGTE, omgekeerd=True),
                r.gemeentenaam,
            )
            for r in rijen
        ],
        gebied=Doos(0, 0, PLOT_BREEDTE, PLOT_HOOGTE),
        grootte=NAAM_GROOTTE,
        straal=GEKOZEN_GROOTTE / 2,
    )
    annotaties = []
    for rij, p in zip(rijen, plaatsingen, strict=True):
        mx, my = p.doos.midden
        annotaties.append(
            dict(
                x=math.log10(float(rij.inwoners)),
                y=math.log10(float(rij.overhead_lasten_eur)),
                # Plotly reads the text as HTML: the name is escaped.
                text=f"<b>{html.escape(p.naam, quote=False)}</b>",
                showarrow=True,
                arrowhead=0,
                arrowwidth=1,
                arrowcolor=palet.OMLIJNING,
                standoff=GEKOZEN_GROOTTE / 2,
                ax=round(mx - p.x, 1),
                ay=round(my - p.y, 1),
                font=dict(size=NAAM_GROOTTE, color=palet.ZWART),
                bgcolor=palet.LEGENDAVLAK,
            )
        )
    return annotaties


def _of_onbekend(schrijf, waarde) -> str:
    return getallen.ONBEKEND if getallen.ontbreekt(waarde) else schrijf(waarde)


def _punten(df, naam, kleur, symbool="circle", grootte=7):
    return go.Scatter(
        x=df["inwoners"].astype(float),
        y=df["overhead_lasten_eur"].astype(float),
        mode="markers",
        name=naam,
        marker=dict(
            color=kleur, size=grootte, symbol=symbool, line=dict(width=0.5, color=palet.OMLIJNING)
        ),
        hoverlabel=g.hoverlabel(kleur),
        # Written as the table beside the chart writes them (one rounding, the real minus
        # sign): d3's formats would round a tie and a sign differently.
        customdata=list(
            zip(
                df["gemeentenaam"],
                [_of_onbekend(getallen.bedrag, w) for w in df["overhead_per_inwoner_eur"]],
                [_of_onbekend(getallen.procent, w) for w in df["afwijking_pct"]],
                df["fusieorganisatie"],
                strict=True,
            )
        ),
        hovertemplate=(
            "<b>%{customdata[0]}</b><br>%{x:,.0f} inwoners<br>overhead € %{y:,.0f}"
            "<br>€ %{customdata[1]} per inwoner<br>%{customdata[2]} t.o.v. trend"
            "<br>%{customdata[3]}<extra></extra>"
        ),
    )


def spreiding(analyse: Analyse, gekozen: list[str] | None = None) -> dict:
    # An unknown overhead is not a point (it is "onbekend" in the table beside the chart).
    df = analyse.gegevens
    df = df[df["inwoners"].notna() & df["overhead_lasten_eur"].notna()]
    gekozen = gekozen or []
    vlag = df["vlag_bijna_nul"] | df["vlag_bijdrage"]
    keuze = df["gemeentecode"].isin(gekozen)
    sporen = [
        _punten(df[~df["in_fusie"] & ~vlag & ~keuze], g.REEKS_OVERIG, palet.OVERIG),
        _punten(df[df["in_fusie"] & ~keuze], g.REEKS_FUSIELID, palet.FUSIELID, "diamond", 8),
        _punten(df[~df["in_fusie"] & vlag & ~keuze], g.REEKS_GEMARKEERD, palet.GEMARKEERD,
                "x", 7),
    ]  # fmt: skip
    if keuze.any():
        sporen.append(_punten(df[keuze], g.REEKS_GEKOZEN, palet.GEKOZEN, "circle", GEKOZEN_GROOTTE))
    x, y = analyse.trend.lijn()
    sporen.append(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            name=g.REEKS_TREND,
            line=dict(color=palet.TREND, width=2),
            hoverinfo="skip",
        )  # fmt: skip
    )
    figuur = go.Figure(sporen)
    inwoners_waarden, inwoners_teksten = g.ticks_inwoners()
    overhead_waarden, overhead_teksten = g.ticks_overhead()
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=560,
        xaxis=dict(
            title=g.AS_INWONERS_LOG,
            type="log",
            gridcolor=palet.RASTER,
            tickvals=inwoners_waarden,
            ticktext=inwoners_teksten,
        ),
        yaxis=dict(
            title=g.AS_OVERHEAD_LOG,
            type="log",
            gridcolor=palet.RASTER,
            tickvals=overhead_waarden,
            ticktext=overhead_teksten,
        ),  # fmt: skip
        legend=dict(orientation="h", y=-0.18),
    )
    getekend = df[df["overhead_lasten_eur"] > 0]
    figuur.update_layout(
        annotations=namen_bij_punten(
            df[keuze & (df["overhead_lasten_eur"] > 0)],
            _log_bereik([*getekend["inwoners"].astype(float), *x]),
            _log_bereik([*getekend["overhead_lasten_eur"].astype(float), *y]),
        )
    )
    return als_data(figuur)


def spreiding_figuur(analyse: Analyse, gekozen: list[str]) -> dict:
    """The scatter for this selection, built once per selection of this analysis."""
    sleutel = tuple(sorted(gekozen))
    return analyse.onthouden(("spreiding", sleutel), lambda: spreiding(analyse, list(sleutel)))


def _bedrag_of_onbekend(waarde) -> str:
    return getallen.ONBEKEND if waarde is None else f"€ {getallen.bedrag(waarde)}"


def _lijn(x, y, naam, kleur, *, teksten, dash=None, markers=True, breedte=2, **extra):
    return go.Scatter(
        x=x,
        y=y,
        mode="lines+markers" if markers else "lines",
        name=naam,
        line=dict(color=kleur, width=breedte, dash=dash),
        marker=dict(color=kleur, size=9, line=dict(width=0.5, color=palet.OMLIJNING)),
        customdata=teksten,
        hovertemplate=f"{html.escape(naam, quote=False)}: %{{customdata}}<extra></extra>",
        **extra,
    )


LEGENDA_REGEL = 40  # Characters per line of a legend name: it fits a phone's width.


def _regels(naam: str) -> str:
    """A long legend name over lines of at most LEGENDA_REGEL characters (at spaces)."""
    return "<br>".join(textwrap.wrap(naam, LEGENDA_REGEL, break_long_words=False))


def tegenfeitelijk_grafiek(tijdreeks: Tijdreeks) -> dict:
    """The members' overhead per inhabitant over the files, with the trend's expectation and
    the band (25th-75th percentile filled, the median dashed) of gemeenten without a fusion
    of similar size. Each document is a series of its own (the begrotingen by year, then the
    jaarrekeningen), its name under its years: a plan and a realisation are no points on one
    line. A file without a joint figure is a gap in the lines, marked "onbekend" on its place
    on the axis (its reason is in the table beside the chart)."""
    rijen = tijdreeks.rijen
    x = [r.label for r in rijen]
    naam = html.escape(tijdreeks.naam, quote=False)  # Plotly reads names as HTML.
    leden_naam = f"{_regels(naam)}:<br>{g.REEKS_LEDEN_SAMEN.lower()}"

    def reeks(groep, waarde):
        waarden = [waarde(r) if r.bekend and r.band is not None else None for r in groep]
        return waarden, [_bedrag_of_onbekend(w) for w in waarden]

    sporen, groepen, scheidingen = [], [], []
    begin = 0
    for nummer, (soort, groep) in enumerate(tijdreeks.documenten):
        gx = [r.label for r in groep]
        eerste = nummer == 0  # The legend names each series once.
        p25, p25_tekst = reeks(groep, lambda r: r.band.p25)
        p75, p75_tekst = reeks(groep, lambda r: r.band.p75)
        mediaan, mediaan_tekst = reeks(groep, lambda r: r.band.p50)
        leden = [r.per_inwoner for r in groep]
        verwacht = [r.verwacht_per_inwoner for r in groep]
        if len(groep) == 1:
            # One file: no area between two lines, so the band is a bar from p25 to p75 and
            # the median a mark across it (as in the SVG).
            hoogte = [None if a is None else b - a for a, b in zip(p25, p75, strict=True)]
            sporen += [
                go.Bar(
                    x=gx, y=hoogte, base=p25, width=0.3, name=_regels(g.REEKS_BAND),
                    marker=dict(color=palet.doorzichtig(palet.BAND, palet.BAND_DEKKING)),
                    legendgroup="band", showlegend=eerste,
                    customdata=[f"{a} tot {b}" for a, b in zip(p25_tekst, p75_tekst, strict=True)],
                    hovertemplate="25e tot 75e percentiel: %{customdata}<extra></extra>",
                ),
                go.Scatter(
                    x=gx, y=mediaan, mode="markers", name=g.REEKS_MEDIAAN,
                    marker=dict(symbol="line-ew", size=26, line=dict(width=2, color=palet.MEDIAAN)),
                    legendgroup="mediaan", showlegend=eerste, customdata=mediaan_tekst,
                    hovertemplate=f"{g.REEKS_MEDIAAN}: %{{customdata}}<extra></extra>",
                ),
            ]  # fmt: skip
        else:
            sporen += [
                go.Scatter(
                    x=gx, y=p25, mode="lines", line=dict(width=0, color=palet.BAND),
                    showlegend=False, legendgroup="band", name="25e percentiel",
                    customdata=p25_tekst,
                    hovertemplate="25e percentiel: %{customdata}<extra></extra>",
                ),
                go.Scatter(
                    x=gx, y=p75, mode="lines", line=dict(width=0, color=palet.BAND),
                    fill="tonexty", fillcolor=palet.doorzichtig(palet.BAND, palet.BAND_DEKKING),
                    name=_regels(g.REEKS_BAND), legendgroup="band", showlegend=eerste,
                    customdata=p75_tekst,
                    hovertemplate="75e percentiel: %{customdata}<extra></extra>",
                ),
                _lijn(gx, mediaan, g.REEKS_MEDIAAN, palet.MEDIAAN, teksten=mediaan_tekst,
                      dash="dash", markers=False, legendgroup="mediaan", showlegend=eerste),
            ]  # fmt: skip
        sporen += [
            _lijn(gx, verwacht, g.REEKS_VERWACHT, palet.VERWACHT, dash="dot",
                  teksten=[_bedrag_of_onbekend(w) for w in verwacht], legendgroup="verwacht",
                  showlegend=eerste),
            _lijn(gx, leden, leden_naam, palet.LEDEN_SAMEN, breedte=3,
                  teksten=[_bedrag_of_onbekend(w) for w in leden], legendgroup="leden",
                  showlegend=eerste),
        ]  # fmt: skip
        # The document's name under its years (a category axis counts its places 0, 1, …).
        groepen.append(
            dict(
                x=begin + (len(groep) - 1) / 2,
                xref="x",
                y=0,
                yref="paper",
                yanchor="top",
                yshift=-24,
                text=soort.capitalize(),
                showarrow=False,
                font=dict(size=13),
            )  # fmt: skip
        )
        if begin:
            scheidingen.append(
                dict(
                    type="line",
                    xref="x",
                    x0=begin - 0.5,
                    x1=begin - 0.5,
                    yref="paper",
                    y0=0,
                    y1=1,
                    line=dict(color=palet.OMLIJNING, width=1, dash="dot"),
                )  # fmt: skip
            )
        begin += len(groep)
    figuur = go.Figure(sporen)
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=460,
        hovermode="x unified",
        # Only the year on each place: the labels stay level on a narrow screen.
        xaxis=dict(
            type="category",
            categoryorder="array",
            categoryarray=x,
            gridcolor=palet.RASTER,
            tickvals=x,
            ticktext=[str(r.jaar) for r in rijen],
            tickangle=0,
            tickfont=dict(size=12),
        ),
        yaxis=dict(
            title=g.AS_OVERHEAD_PER_INWONER,
            tickprefix="€ ",
            tickformat=",.0f",
            gridcolor=palet.RASTER,
        ),  # fmt: skip
        legend=dict(orientation="h", y=-0.3, font=dict(size=12)),
        shapes=scheidingen,
        annotations=groepen
        + [
            dict(
                x=r.label,
                y=0.04,
                yref="paper",
                text=getallen.ONBEKEND,
                showarrow=False,
                font=dict(color=palet.OMLIJNING),
            )  # fmt: skip
            for r in rijen
            if not r.bekend
        ],
    )
    return als_data(figuur)


def tegenfeitelijk_figuur(tijdreeks: Tijdreeks) -> dict:
    """The chart of this series, built once per series (kept as long as the series is)."""
    return tijdreeks.onthouden("grafiek", lambda: tegenfeitelijk_grafiek(tijdreeks))
