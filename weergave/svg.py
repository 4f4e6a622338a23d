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


def achtergrond() -> str:
    return f'<rect x="0" y="0" width="{BREEDTE}" height="{HOOGTE}" fill="{palet.ACHTERGROND}"/>'


def als_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
