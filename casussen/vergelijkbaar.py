"""The fusieorganisaties of the register closest to a proposed set of gemeenten.

Compared on number of members, joint inhabitants, size ratio (largest/smallest) and form.
For each organisation the figures come from the latest year in which CBS has all its
members; where none has (members that merged away before 2022) the casus figures of
§5.2 are used, and otherwise the rounded total of the Bijlage. What is unknown is left
out of the distance and said so, never guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from casussen.register import INWONERJAREN, Registerregel, fusieorganisaties, registerregel


@dataclass(frozen=True)
class Profiel:
    aantal: int
    inwoners: int | None
    verhouding: float | None
    klassiek: bool
    herkomst: str  # where the figures come from


@dataclass(frozen=True)
class Vergelijking:
    regel: Registerregel
    profiel: Profiel
    afstand: float

    @property
    def organisatie(self):
        return self.regel.organisatie


def profiel_van_leden(inwoners: list[int | None], *, klassiek: bool) -> Profiel:
    bekend = [n for n in inwoners if n]
    volledig = len(bekend) == len(inwoners) and len(bekend) >= 2
    return Profiel(
        aantal=len(inwoners),
        inwoners=sum(bekend) if volledig else None,
        verhouding=max(bekend) / min(bekend) if volledig else None,
        klassiek=klassiek,
        herkomst="CBS",
    )


def profiel_van_organisatie(regel: Registerregel) -> Profiel:
    org = regel.organisatie
    for jaar in reversed(INWONERJAREN):
        if regel.totaal(jaar).volledig:
            inwoners = [lid.inwoners[jaar] for lid in regel.leden]
            return Profiel(
                len(inwoners), sum(inwoners), max(inwoners) / min(inwoners), org.is_klassiek,
                f"CBS 1-1-{jaar}",
            )  # fmt: skip
    casus = regel.casus
    if casus is not None:
        cijfers = [d.inwoners_rapport for d in casus.deelnemers.all()]
        if cijfers and all(cijfers):
            return Profiel(
                len(cijfers), sum(cijfers), max(cijfers) / min(cijfers), org.is_klassiek,
                f"rapport §{casus.paragraaf}",
            )  # fmt: skip
    return Profiel(
        len(regel.leden), org.inwoners_rapport, None, org.is_klassiek, "rapport, Bijlage (±)"
    )


def afstand(a: Profiel, b: Profiel) -> float:
    """Zero for identical profiles; one unit is about one member more, a factor e in
    inhabitants or size ratio, or the other form. Unknown parts count as half a unit."""
    totaal = abs(a.aantal - b.aantal)
    totaal += abs(math.log(a.inwoners / b.inwoners)) if a.inwoners and b.inwoners else 0.5
    totaal += abs(math.log(a.verhouding / b.verhouding)) if a.verhouding and b.verhouding else 0.5
    totaal += 0 if a.klassiek == b.klassiek else 1
    return totaal


def vergelijkbare_fusieorganisaties(profiel: Profiel, *, aantal: int = 5) -> list[Vergelijking]:
    organisaties = fusieorganisaties().prefetch_related("casus__deelnemers")
    vergelijkingen = []
    for org in organisaties:
        regel = registerregel(org)
        ander = profiel_van_organisatie(regel)
        vergelijkingen.append(Vergelijking(regel, ander, afstand(profiel, ander)))
    vergelijkingen.sort(key=lambda v: (v.afstand, v.organisatie.naam))
    return vergelijkingen[:aantal]
