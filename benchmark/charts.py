"""Benchmark charts: the scatter of overhead against inhabitants with the trend line.

Returns plain figure data for the templates (plotly in the browser). Every chart has a
table beside it on the page with the same figures.
"""

from __future__ import annotations

import plotly.graph_objects as go

from benchmark.analyse import Analyse
from weergave import getallen, palet
from weergave import grafieken as g
from weergave.grafieken import LAYOUT_BASIS, als_data


def _of_onbekend(schrijf, waarde) -> str:
    return getallen.ONBEKEND if getallen.ontbreekt(waarde) else schrijf(waarde)


def _punten(df, naam, kleur, symbool="circle", grootte=7, tekst=False):
    return go.Scatter(
        x=df["inwoners"].astype(float),
        y=df["overhead_lasten_eur"].astype(float),
        mode="markers+text" if tekst else "markers",
        name=naam,
        text=df["gemeentenaam"] if tekst else None,
        textposition="top center",
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
    df = analyse.gegevens[analyse.gegevens["inwoners"].notna()]
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
        sporen.append(_punten(df[keuze], g.REEKS_GEKOZEN, palet.GEKOZEN, "circle", 13, tekst=True))
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
    return als_data(figuur)


def spreiding_figuur(analyse: Analyse, gekozen: list[str]) -> dict:
    """The scatter for this selection, built once per selection of this analysis."""
    sleutel = tuple(sorted(gekozen))
    return analyse.onthouden(("spreiding", sleutel), lambda: spreiding(analyse, list(sleutel)))
