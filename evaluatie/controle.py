"""The check before vaststellen an evaluatie, after the afweging's (`afweging.controle`): what
is scored, what is open, what the signalen warn of, what the apps around the evaluatie ask
to look at, and which texts are longer than their limit.

Two things block. An evaluatie without a single indicator scored with a motivation says
nothing, and a vastgestelde one never changes: it is not vastgesteld. And a text saved
before its limit existed that is longer than it (`te_lange_teksten`) would make the PDF
run until it is stopped, so it is not made. Unlike an afweging, an onvolledige evaluatie
may be vastgesteld: evaluating afterwards often lacks information on some indicators (the
satisfaction of partners in the region, say), and its report says per domein what is
open. Those gaps, scores without motivation (drafts the autosave kept) and an evaluatie
that comes too early are named, and the adviseur decides knowing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse

from afweging import lengtes
from afweging.controle import TeLangeTekst, waarom_geen_pdf
from afweging.scoring import Status
from afweging.uitbreidingen import Controlepunt
from evaluatie import scoring, selectors, signalen, uitbreidingen
from evaluatie.models import Evaluatie


@dataclass(frozen=True)
class Open:
    """One indicator that does not count yet, with where to fill it in."""

    domein: str
    naam: str
    uitleg: str
    link: str


UITLEG = {
    Status.OPEN: "nog niet gescoord",
    Status.ONVOLDOENDE_INFORMATIE: "“onvoldoende informatie”",
    Status.ZONDER_MOTIVERING: "een score zonder motivering",
}


def _link(evaluatie: Evaluatie, domein: str, code: str = "") -> str:
    link = reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": domein})
    return f"{link}#indicator-{code}" if code else link


def te_lange_teksten(evaluatie: Evaluatie) -> list[TeLangeTekst]:
    """Every text of the evaluatie longer than its limit (`afweging.lengtes`), in the order
    of the domeinen. Only a text saved before its limit existed can be; its PDF would run
    until PDF_MAX_SECONDEN stops it, so it is not made (vaststellen, the PDF download)
    until the text is shortened. Reads the rows `selectors.met_alles` prefetches."""
    overzicht = reverse("evaluatie:overzicht", kwargs={"pk": evaluatie.pk})
    teksten = [("De titel", evaluatie.titel, lengtes.TITEL, overzicht)]
    oordelen = selectors.oordelen_per_indicator(evaluatie)
    for domein in selectors.domeinen(evaluatie):
        for indicator in sorted(domein.indicatoren.all(), key=lambda i: i.volgorde):
            oordeel = oordelen.get(indicator.pk)
            if oordeel is None:
                continue
            link = _link(evaluatie, domein.code, indicator.code)
            wat = f"indicator {indicator.volgorde} van {domein.naam}"
            teksten.append(
                (f"De motivering bij {wat}", oordeel.motivering, lengtes.MOTIVERING, link)
            )
            teksten.append((f"De bronnen bij {wat}", oordeel.bronnen, lengtes.BRONNEN, link))
    return [
        TeLangeTekst(wat, lengtes.tekstlengte(tekst), maximum, link)
        for wat, tekst, maximum, link in teksten
        if lengtes.tekstlengte(tekst) > maximum
    ]


class Controle:
    """Of an evaluatie loaded with `selectors.met_alles`."""

    def __init__(self, evaluatie: Evaluatie):
        self.evaluatie = evaluatie

    @cached_property
    def totaal(self) -> scoring.Totaaloordeel:
        return selectors.totaaloordeel(self.evaluatie)

    @cached_property
    def onvolledige_domeinen(self) -> list[scoring.Domeinoordeel]:
        return [d for d in self.totaal.domeinen if d.waarde == scoring.Oordeelwaarde.ONVOLLEDIG]

    @cached_property
    def open(self) -> list[Open]:
        """Every indicator that does not count, per domein in the kader's order."""
        return [
            Open(
                d.naam,
                i.naam,
                UITLEG.get(i.status, str(i.status)),
                _link(self.evaluatie, d.code, i.code),
            )
            for d in self.totaal.domeinen
            for i in d.hiaten
        ]

    @cached_property
    def zonder_motivering(self) -> list[Open]:
        return [o for o in self.open if o.uitleg == UITLEG[Status.ZONDER_MOTIVERING]]

    @cached_property
    def signalen(self) -> list:
        """The too-early signal, or that it cannot be judged (the start unknown)."""
        return signalen.signalen(signalen.context_van(self.evaluatie))

    @cached_property
    def punten(self) -> list[Controlepunt]:
        return [p for u in uitbreidingen.alle() for p in u.controlepunten(self.evaluatie)]

    @cached_property
    def te_lang(self) -> list[TeLangeTekst]:
        return te_lange_teksten(self.evaluatie)

    @property
    def leeg(self) -> bool:
        """Not one indicator scored with a motivation: nothing to vaststellen."""
        return self.totaal.gescoord == 0

    @property
    def kan_vaststellen(self) -> bool:
        return not self.leeg and not self.te_lang and not any(p.blokkeert for p in self.punten)

    def waarom_niet(self) -> str:
        """Why it cannot be vastgesteld yet, in Dutch ('' when it can)."""
        if self.leeg:
            return (
                f"Een evaluatie zonder oordeel kan niet worden vastgesteld: geen van de "
                f"{self.totaal.aantal} indicatoren is gemotiveerd gescoord. Scoor eerst per "
                "domein de indicatoren waarover u iets weet."
            )
        blokkerend = [waarom_geen_pdf(self.te_lang), *(p.tekst for p in self.punten if p.blokkeert)]
        return " ".join(b for b in blokkerend if b)
