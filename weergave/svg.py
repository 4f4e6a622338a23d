"""The building blocks of the static SVG charts in the PDF, drawn server-side without a
browser: the document, a linear or logarithmic scale, the background, and the data URI
that embeds a chart as <img>. The charts themselves live with their subject
(benchmark/svg.py, businesscase/grafieken.py); their colours and labels are the palette's.
"""

from __future__ import annotations

import base64
import math
from xml.sax.saxutils import escape

from weergave import palet

BREEDTE, HOOGTE = 640, 380
MARGE = dict(links=92, rechts=16, boven=16, onder=58)  # Room for "€ 100 mln" and the axis title.


def document(inhoud: list[str], titel: str, breedte=BREEDTE, hoogte=HOOGTE) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" '
        f'width="{breedte}" height="{hoogte}" role="img" font-family="DejaVu Sans, sans-serif" '
        f'font-size="11"><title>{escape(titel)}</title>' + "".join(inhoud) + "</svg>"
    )


def schaal(lo: float, hi: float, a: float, b: float, log: bool):
    if log:
        lo, hi = math.log10(lo), math.log10(hi)

    def omzetten(w: float) -> float:
        w = math.log10(w) if log else w
        return a + (w - lo) / (hi - lo) * (b - a) if hi != lo else (a + b) / 2

    return omzetten


def ronde_ticks(lo: float, hi: float, aantal: int = 5) -> list[float]:
    """Round tick values that span lo … hi: steps of 1, 2, 2,5 or 5 times a power of ten,
    `aantal` ticks or a few more, the outer ones at or just beyond the data (the step that
    wastes least room). Round values read the same in any rounding, so the axis never
    disagrees with the table beside it."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise ValueError("Ticks vragen eindige waarden.")
    lo, hi = min(lo, hi), max(lo, hi)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    macht = 10 ** math.floor(math.log10((hi - lo) / max(aantal - 1, 1)))
    keuzes = []
    for stap in (f * macht * m for m in (0.1, 1, 10) for f in (1, 2, 2.5, 5)):
        eerste, laatste = math.floor(lo / stap), math.ceil(hi / stap)
        if max(aantal - 1, 2) <= laatste - eerste + 1 <= aantal + 2:
            keuzes.append(((laatste - eerste) * stap, laatste - eerste, stap, eerste))
    _, stappen, stap, eerste = min(keuzes)
    # Whole multiples of the step, so 0.1 + 0.2 never shows up as 0.30000000000000004.
    return [round((eerste + i) * stap, 10) for i in range(stappen + 1)]


def achtergrond(breedte=BREEDTE, hoogte=HOOGTE) -> str:
    return f'<rect x="0" y="0" width="{breedte}" height="{hoogte}" fill="{palet.ACHTERGROND}"/>'


def als_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
