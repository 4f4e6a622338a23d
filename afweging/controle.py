"""The check before vaststellen ("check your answers"): is every deelvraag answered with a
motivation, how far the checklist of kritieke succesfactoren is filled in, what do the
signalen warn of, and what do the apps around the afweging ask to look at (open
opmerkingen, reacties without an answer, gemeenten that did not react)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse

from afweging import scoring, selectors, uitbreidingen
from afweging.models import Afweging

UITLEG = {
    scoring.Status.OPEN: "nog niet beantwoord",
    scoring.Status.ONVOLDOENDE_INFORMATIE: "“onvoldoende informatie”",
    scoring.Status.ZONDER_MOTIVERING: "een score zonder motivering",
}


@dataclass(frozen=True)
class Hiaat:
    nummer: int
    naam: str
    uitleg: str
    link: str


class Controle:
    def __init__(self, afweging: Afweging):
        self.afweging = afweging

    @cached_property
    def resultaat(self) -> selectors.Resultaat:
        return selectors.resultaat(self.afweging)

    @property
    def volledigheid(self) -> scoring.Volledigheid:
        return self.resultaat.uitkomst.volledigheid

    @cached_property
    def hiaten(self) -> list[Hiaat]:
        return [
            Hiaat(
                d.nummer,
                d.naam,
                UITLEG.get(d.status, d.status),
                reverse("afweging:stap", kwargs={"pk": self.afweging.pk, "stap": d.onderdeel})
                + f"#dv-{d.nummer}",
            )
            for d in self.volledigheid.hiaten
        ]

    @cached_property
    def checklist(self) -> selectors.Checklist:
        """Not required for vaststellen ('onbekend' is an answer), but worth a look."""
        return selectors.checklist(self.afweging)

    @cached_property
    def waarschuwingen(self) -> list:
        return [s for s in self.resultaat.signalen if s.is_waarschuwing]

    @cached_property
    def punten(self) -> list[uitbreidingen.Controlepunt]:
        return [p for u in uitbreidingen.alle() for p in u.controlepunten(self.afweging)]

    @property
    def kan_vaststellen(self) -> bool:
        return self.volledigheid.volledig and not any(p.blokkeert for p in self.punten)

    def waarom_niet(self) -> str:
        """Why it cannot be vastgesteld yet, in one Dutch sentence ('' when it can)."""
        if not self.volledigheid.volledig:
            nummers = ", ".join(str(h.nummer) for h in self.hiaten)
            return (
                f"Een onvolledige afweging kan niet worden vastgesteld: "
                f"{self.volledigheid.beantwoord} van de {self.volledigheid.aantal} deelvragen "
                f"zijn gemotiveerd beantwoord (nog open: deelvraag {nummers})."
            )
        blokkerend = [p.tekst for p in self.punten if p.blokkeert]
        return " ".join(blokkerend)
