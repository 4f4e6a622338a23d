"""What every chart shares: plotly's base layout, the hand-over of a figure to a template,
and the Dutch axis titles, ticks and legend names of the pages and the PDF.

Domain modules build their figures with plotly; this module needs no plotly itself, so the
PDF's SVG charts can use its labels without loading it.
"""

from __future__ import annotations

import json

from weergave import getallen, palet

# d3's decimal and thousands separators in hover and tick formats: the Dutch ones, as
# weergave.getallen writes them (a test checks them against Django's nl formats).
SEPARATORS = ",."
LETTER = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
LAYOUT_BASIS = dict(
    separators=SEPARATORS,
    font=dict(family=LETTER, size=14),
    margin=dict(l=60, r=20, t=30, b=50),
    plot_bgcolor=palet.ACHTERGROND,
    paper_bgcolor=palet.ACHTERGROND,
)

# Axis titles, the same on the pages and in the PDF.
AS_INWONERS = "Inwoners"
AS_PEILDATUM = "Peildatum"
AS_INWONERS_LOG = "Inwoners (1 januari, log-schaal)"
AS_OVERHEAD_LOG = "Overhead, lasten taakveld 0.4 (log-schaal)"
AS_JAAR_NA_START = "Jaar na de start"
AS_CUMULATIEF = "Cumulatief netto-effect (€)"
AS_OVERHEAD_PER_JAAR = "Overhead per jaar (€)"
AS_BESTAND = "Iv3-bestand"
AS_OVERHEAD_PER_INWONER = "Overhead per inwoner (€)"

# Ticks of the log axes: 1.000 … 1.000.000 inhabitants, € 1 mln … € 1 mld.
TICKS_INWONERS = (1_000, 10_000, 100_000, 1_000_000)
TICKS_OVERHEAD = (1e6, 1e7, 1e8, 1e9)

# Legend names of the benchmark scatter, the same on the page and in the PDF; the PDF marks
# the deelnemers of its afweging, where the page marks the gemeenten chosen.
REEKS_OVERIG = "Geen fusieorganisatie"
REEKS_FUSIELID = "Lid van een actieve fusieorganisatie"
REEKS_GEMARKEERD = "Gemarkeerd (niet in de trend)"
REEKS_GEKOZEN = "Gekozen"
REEKS_TREND = "Trend (3e-graads polynoom)"
REEKS_DEELNEMERS = "Deelnemers van deze afweging"
# The counterfactual over the years (benchmark/tegenfeitelijk.py).
REEKS_LEDEN_SAMEN = "Deelnemers samen"
REEKS_VERWACHT = "Trend: verwacht bij dezelfde inwoners"
REEKS_BAND = "Gemeenten zonder fusie van vergelijkbare grootte, 25e–75e percentiel"
REEKS_MEDIAAN = "Mediaan van die gemeenten"
# The map.
REEKS_GEEN_FUSIE = "Geen fusieorganisatie bekend"
LEGENDA_STATUS = "Status fusieorganisatie"


def ticks_inwoners() -> tuple[list, list[str]]:
    """Tick values and their Dutch labels for a log axis of inhabitants."""
    return list(TICKS_INWONERS), [getallen.geheel(w) for w in TICKS_INWONERS]


def ticks_overhead() -> tuple[list, list[str]]:
    """Tick values and their labels ('€ 10 mln') for a log axis of overhead in euros."""
    return list(TICKS_OVERHEAD), [getallen.euro_kort(w) for w in TICKS_OVERHEAD]


def als_data(figuur) -> dict:
    """A figure as plain JSON-able data for `json_script` in a template."""
    return json.loads(figuur.to_json())


def hoverlabel(kleur: str) -> dict | None:
    """A trace's hoverlabel with legible text on its colour; None leaves plotly's own."""
    tekst = palet.hovertekst(kleur)
    return None if tekst is None else dict(font=dict(color=tekst))
