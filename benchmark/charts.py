"""Benchmark charts: the scatter of overhead against inhabitants with the trend line.

Returns plain figure data for the templates (plotly in the browser). Every chart has a
table beside it on the page with the same figures.
"""

from __future__ import annotations

import plotly.graph_objects as go

from benchmark.analyse import Analyse
from casussen.grafieken import LAYOUT_BASIS, als_data

KLEUR_OVERIG = "#56B4E9"
KLEUR_FUSIE = "#E69F00"
KLEUR_VLAG = "#999999"
KLEUR_KEUZE = "#D55E00"
KLEUR_TREND = "#000000"


def _punten(df, naam, kleur, symbool="circle", grootte=7, tekst=False):
    return go.Scatter(
        x=df["inwoners"].astype(float),
        y=df["overhead_lasten_eur"].astype(float),
        mode="markers+text" if tekst else "markers",
        name=naam,
        text=df["gemeentenaam"] if tekst else None,
        textposition="top center",
        marker=dict(color=kleur, size=grootte, symbol=symbool, line=dict(width=0.5, color="#333")),
        customdata=list(
            zip(
                df["gemeentenaam"],
                df["overhead_per_inwoner_eur"].astype(float).round(0),
                (df["afwijking_pct"].astype(float) * 100).round(1),
                df["fusieorganisatie"],
                strict=True,
            )
        ),
        hovertemplate=(
            "<b>%{customdata[0]}</b><br>%{x:,.0f} inwoners<br>overhead € %{y:,.0f}"
            "<br>€ %{customdata[1]:,.0f} per inwoner<br>%{customdata[2]:+.1f}% t.o.v. trend"
            "<br>%{customdata[3]}<extra></extra>"
        ),
    )


def spreiding(analyse: Analyse, gekozen: list[str] | None = None) -> dict:
    df = analyse.gegevens[analyse.gegevens["inwoners"].notna()]
    gekozen = gekozen or []
    vlag = df["vlag_bijna_nul"] | df["vlag_bijdrage"]
    keuze = df["gemeentecode"].isin(gekozen)
    sporen = [
        _punten(df[~df["in_fusie"] & ~vlag & ~keuze], "Geen fusieorganisatie", KLEUR_OVERIG),
        _punten(df[df["in_fusie"] & ~keuze], "Lid van een actieve fusieorganisatie", KLEUR_FUSIE,
                "diamond", 8),
        _punten(df[~df["in_fusie"] & vlag & ~keuze], "Gemarkeerd (niet in de trend)", KLEUR_VLAG,
                "x", 7),
    ]  # fmt: skip
    if keuze.any():
        sporen.append(_punten(df[keuze], "Gekozen", KLEUR_KEUZE, "circle", 13, tekst=True))
    x, y = analyse.trend.lijn()
    sporen.append(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            name="Trend (3e-graads polynoom)",
            line=dict(color=KLEUR_TREND, width=2),
            hoverinfo="skip",
        )  # fmt: skip
    )
    figuur = go.Figure(sporen)
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=560,
        xaxis=dict(
            title="Inwoners (1 januari, log-schaal)",
            type="log",
            gridcolor="#ddd",
            tickvals=[1_000, 10_000, 100_000, 1_000_000],
            ticktext=["1.000", "10.000", "100.000", "1.000.000"],
        ),
        yaxis=dict(
            title="Overhead, lasten taakveld 0.4 (log-schaal)",
            type="log",
            gridcolor="#ddd",
            tickvals=[1e6, 1e7, 1e8, 1e9],
            ticktext=["€ 1 mln", "€ 10 mln", "€ 100 mln", "€ 1 mld"],
        ),  # fmt: skip
        legend=dict(orientation="h", y=-0.18),
    )
    return als_data(figuur)


def businesscase_grafiek(projecties: list[tuple[str, object]]) -> dict:
    """Cumulative net effect per variant over ten years, with the zero line."""
    kleuren = ["#0072B2", "#E69F00"]
    sporen = []
    for (_, projectie), kleur in zip(projecties, kleuren, strict=False):
        sporen.append(
            go.Scatter(
                x=[j.jaar for j in projectie.jaren],
                y=projectie.cumulatief,
                mode="lines+markers",
                name=projectie.variant.naam,
                line=dict(color=kleur, width=3),
                hovertemplate="Jaar %{x}: € %{y:,.0f} cumulatief<extra>%{fullData.name}</extra>",
            )
        )
    figuur = go.Figure(sporen)
    figuur.add_hline(y=0, line_color="#333", line_width=1)
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=340,
        xaxis=dict(title="Jaar na de start", dtick=1, gridcolor="#ddd"),
        yaxis=dict(title="Cumulatief netto-effect (€)", tickformat=",.0f", gridcolor="#ddd"),
        legend=dict(orientation="h", y=-0.25),
    )
    return als_data(figuur)


def bijdragen_grafiek(bijdragen: list) -> dict:
    """Per member: overhead alone now against the contribution under the key."""
    namen = [b.lid.naam for b in bijdragen]
    figuur = go.Figure(
        [
            go.Bar(
                x=namen,
                y=[b.lid.overhead for b in bijdragen],
                name="Alleen (nu)",
                marker_color="#999999",
                hovertemplate="%{x}: € %{y:,.0f}<extra>Alleen</extra>",
            ),
            go.Bar(
                x=namen,
                y=[b.bijdrage for b in bijdragen],
                name="Bijdrage na fusie",
                marker_color="#0072B2",
                hovertemplate="%{x}: € %{y:,.0f}<extra>Bijdrage</extra>",
            ),
        ]  # fmt: skip
    )
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=320,
        barmode="group",
        yaxis=dict(title="Overhead per jaar (€)", tickformat=",.0f", gridcolor="#ddd"),
        legend=dict(orientation="h", y=-0.2),
    )
    return als_data(figuur)
