"""Charts of the casussen pages, built with plotly and handed to templates as plain data.

Views and templates never build charts; they call these functions. Every chart is
shown with a data table beside it, so the figures are readable without the chart.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go

from casussen.models import Inwonertal

# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
BLAUW = "#0072B2"
LAYOUT_BASIS = dict(
    separators=",.",
    font=dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=14),
    margin=dict(l=60, r=20, t=30, b=50),
    plot_bgcolor="white",
    paper_bgcolor="white",
)


def als_data(figuur: go.Figure) -> dict:
    """A figure as plain JSON-able data for `json_script` in a template."""
    return json.loads(figuur.to_json())


def inwoners_grafiek(naam: str, inwonertallen: list[Inwonertal]) -> dict:
    jaren = [f"1-1-{t.jaar}" for t in inwonertallen]
    aantallen = [t.aantal for t in inwonertallen]
    figuur = go.Figure(
        go.Bar(
            x=jaren,
            y=aantallen,
            marker_color=BLAUW,
            hovertemplate="%{x}: %{y:,.0f} inwoners<extra></extra>",
            name=naam,
        )
    )
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=300,
        yaxis=dict(title="Inwoners", tickformat=",.0f", rangemode="tozero", gridcolor="#ddd"),
        xaxis=dict(title="Peildatum"),
    )
    return als_data(figuur)
