"""Where the name of a marked point goes on a chart: beside its own point, clear of the
other marked points and of the other names, inside the plot area, and nearer to its own
point than to any other marked point, so no reader takes it for a neighbour's.

The PDF's SVG scatter draws the names where this says; the plotly scatter of the pages
uses the same placement as the offsets of its annotations. Pixel coordinates, y downwards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Average advance of DejaVu Sans Bold as a fraction of the font size, rounded up: a name
# may come out a little shorter than its box, never longer.
TEKENBREEDTE = 0.66
REGELHOOGTE = 1.2
TUSSENRUIMTE = 3  # Between a point's edge and its name.
VERDER = (0, 14, 30)  # Further out, with a leader line, when nothing near is free.


@dataclass(frozen=True)
class Doos:
    x0: float
    y0: float
    x1: float
    y1: float

    def raakt(self, ander: Doos, marge: float = 0) -> bool:
        return not (
            self.x1 + marge <= ander.x0
            or ander.x1 + marge <= self.x0
            or self.y1 + marge <= ander.y0
            or ander.y1 + marge <= self.y0
        )

    def binnen(self, ander: Doos) -> bool:
        return (
            self.x0 >= ander.x0
            and self.y0 >= ander.y0
            and self.x1 <= ander.x1
            and self.y1 <= ander.y1
        )

    def afstand_tot(self, x: float, y: float) -> float:
        dx = max(self.x0 - x, 0, x - self.x1)
        dy = max(self.y0 - y, 0, y - self.y1)
        return math.hypot(dx, dy)

    def dichtstbij(self, x: float, y: float) -> tuple[float, float]:
        """The point of the box nearest to (x, y): where a leader line ends."""
        return min(max(x, self.x0), self.x1), min(max(y, self.y0), self.y1)

    @property
    def midden(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Plaatsing:
    """A marked point, its name and the box the name goes in."""

    x: float
    y: float
    naam: str
    doos: Doos
    lijn: bool  # A leader line joins name and point (the name sits further out).


def tekstbreedte(tekst: str, grootte: float) -> float:
    return len(tekst) * grootte * TEKENBREEDTE


def _kandidaten(x: float, y: float, b: float, h: float, straal: float):
    """Boxes around the point, best first: level with it to the right and the left, then
    the four diagonals, then straight above and below; each nearby and further out."""
    for verder in VERDER:
        d = straal + TUSSENRUIMTE + verder
        schuin = straal / 2 + verder * 0.7
        for x0, y0 in (
            (x + d, y - h / 2),
            (x - d - b, y - h / 2),
            (x + schuin, y - d - h),
            (x + schuin, y + d),
            (x - schuin - b, y - d - h),
            (x - schuin - b, y + d),
            (x - b / 2, y - d - h),
            (x - b / 2, y + d),
        ):
            yield Doos(x0, y0, x0 + b, y0 + h), verder > 0


def plaats(
    punten: Sequence[tuple[float, float, str]],
    *,
    gebied: Doos,
    grootte: float = 11,
    straal: float = 5,
    vermijd: Sequence[Doos] = (),
) -> list[Plaatsing]:
    """A box for each point's name, in the order of `punten`.

    The most crowded points choose first. A box is taken when it lies inside `gebied`,
    touches no other name, no marked point and nothing in `vermijd`, and its own point is
    strictly the nearest marked point. When no box around a point passes (points on top of
    each other), the one that breaks the fewest of these rules is taken, with a line.
    """
    schijven = [
        Doos(x - straal - 1, y - straal - 1, x + straal + 1, y + straal + 1) for x, y, _ in punten
    ]

    def drukte(i: int) -> float:
        x, y, _ = punten[i]
        return sum(
            1 / max(math.hypot(x - a, y - b), 1) for j, (a, b, _) in enumerate(punten) if j != i
        )

    geplaatst: dict[int, Plaatsing] = {}
    for i in sorted(range(len(punten)), key=drukte, reverse=True):
        x, y, naam = punten[i]
        b, h = tekstbreedte(naam, grootte), grootte * REGELHOOGTE
        beste, beste_fouten = None, math.inf
        for doos, ver in _kandidaten(x, y, b, h, straal):
            eigen = doos.afstand_tot(x, y)
            fouten = (
                (0 if doos.binnen(gebied) else 8)
                + 4 * sum(doos.raakt(p.doos, 2) for p in geplaatst.values())
                + 2 * sum(doos.raakt(s) for s in schijven)
                + sum(doos.raakt(v) for v in vermijd)
                + 6
                * sum(
                    doos.afstand_tot(a, c) <= eigen for j, (a, c, _) in enumerate(punten) if j != i
                )
            )
            if fouten < beste_fouten:
                beste, beste_fouten = (doos, ver), fouten
                if not fouten:
                    break
        doos, ver = beste
        geplaatst[i] = Plaatsing(x, y, naam, doos, lijn=ver or beste_fouten > 0)
    return [geplaatst[i] for i in range(len(punten))]
