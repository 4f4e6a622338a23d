"""Charts of the casussen pages, built with plotly and handed to templates as plain data.

Views and templates never build charts; they call these functions. Every chart is
shown with a data table beside it, so the figures are readable without the chart.
"""

from __future__ import annotations

import plotly.graph_objects as go

from casussen.models import Inwonertal
from weergave import palet
from weergave.grafieken import AS_INWONERS, AS_PEILDATUM, LAYOUT_BASIS, als_data, hoverlabel


def inwoners_grafiek(naam: str, inwonertallen: list[Inwonertal]) -> dict:
    jaren = [f"1-1-{t.jaar}" for t in inwonertallen]
    aantallen = [t.aantal for t in inwonertallen]
    figuur = go.Figure(
        go.Bar(
            x=jaren,
            y=aantallen,
            marker_color=palet.INWONERS,
            hoverlabel=hoverlabel(palet.INWONERS),
            hovertemplate="%{x}: %{y:,.0f} inwoners<extra></extra>",
            name=naam,
        )
    )
    figuur.update_layout(
        **LAYOUT_BASIS,
        height=300,
        yaxis=dict(
            title=AS_INWONERS, tickformat=",.0f", rangemode="tozero", gridcolor=palet.RASTER
        ),
        xaxis=dict(title=AS_PEILDATUM),
    )
    return als_data(figuur)
