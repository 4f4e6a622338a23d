"""Then and now: what the afweging expected of a fusion beside what the evaluatie finds.

When the fusion was assessed in Fusietoets (`Evaluatie.afweging`), the overview shows the
afweging's motives per deelnemer, its expectations (the meerwaarde deelvragen, their scores
and motivations), its taakstelling and frictiekosten, and the business case's projection,
beside the evaluatie's judgements. For each expectation the evaluatie's indicators that the
afwegingskader links to that deelvraag (`Deelvraag.indicatoren`, §4.3, matched on the
indicator's code) say whether it came true (`scoring.verwachting_uitgekomen`).

The business case belongs to an app above this one: its part comes through the afweging's
uitbreidingen (`rapport_deel`), so this module imports no businesscase.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import prefetch_related_objects

from afweging import scoring as afwegingscoring
from afweging import selectors as afwegingselectors
from afweging import uitbreidingen
from afweging.models import Afweging, Antwoord
from evaluatie import scoring

MEERWAARDE = "meerwaarde"  # the onderdeel whose deelvragen are what a fusion is expected to bring


@dataclass(frozen=True)
class Indicatorstand:
    """One of the evaluatie's indicators, as it stands now."""

    naam: str
    domein: str
    score: str  # as shown: "+1", "Onvoldoende informatie", "open"
    invoer: scoring.IndicatorInvoer


@dataclass(frozen=True)
class Verwachting:
    nummer: int
    naam: str
    score: str  # as shown
    status: afwegingscoring.Status
    motivering: str
    indicatoren: tuple[Indicatorstand, ...]
    uitkomst: scoring.Verwachtingsuitkomst


@dataclass(frozen=True)
class Deelnemer:
    naam: str
    perspectief: str
    motieven: tuple[str, ...]
    toelichting: str


def _score_getoond(score: str, motivering: str) -> str:
    status = afwegingscoring.antwoordstatus(score, motivering)
    if status == afwegingscoring.Status.OPEN:
        return "open"
    label = Antwoord.Score(score).label
    if status == afwegingscoring.Status.ZONDER_MOTIVERING:
        return f"{label} (zonder motivering, telt niet)"
    return label


class ToenEnNu:
    """The then-and-now part of an evaluatie's overview; every part is made on first use."""

    def __init__(self, evaluatie, invoer: list[scoring.DomeinInvoer]):
        self.evaluatie = evaluatie
        self._invoer = invoer

    @cached_property
    def afweging(self) -> Afweging:
        afweging = afwegingselectors.met_alles(
            Afweging.objects.filter(pk=self.evaluatie.afweging_id)
        ).get()
        # The indicators the kader links to each deelvraag, in one query for all.
        prefetch_related_objects([a.deelvraag for a in afweging.antwoorden.all()], "indicatoren")
        return afweging

    @cached_property
    def advies(self) -> afwegingscoring.Uitkomst:
        return afwegingscoring.bereken_uitkomst(*afwegingselectors.scoring_invoer(self.afweging))

    @cached_property
    def deelnemers(self) -> list[Deelnemer]:
        return [
            Deelnemer(
                d.gemeente.naam,
                d.get_perspectief_display(),
                tuple(d.motieven_labels),
                d.motieven_toelichting,
            )
            for d in self.afweging.deelnemers.all()
        ]

    @cached_property
    def verwachtingen(self) -> list[Verwachting]:
        # The evaluatie's indicators by code, with their domein's name.
        per_code = {i.code: (d.naam, i) for d in self._invoer for i in d.indicatoren}
        uit = []
        for antwoord in self.afweging.antwoorden.all():
            deelvraag = antwoord.deelvraag
            if deelvraag.onderdeel.code != MEERWAARDE:
                continue
            gekoppeld = [
                Indicatorstand(
                    per_code[i.code][1].naam,
                    per_code[i.code][0],
                    _indicatorscore(self._oordelen.get(i.code)),
                    per_code[i.code][1],
                )
                for i in deelvraag.indicatoren.all()
                if i.code in per_code
            ]
            status = afwegingscoring.antwoordstatus(antwoord.score, antwoord.motivering)
            verwacht = int(antwoord.score) if status == afwegingscoring.Status.BEANTWOORD else None
            uit.append(
                Verwachting(
                    deelvraag.nummer,
                    deelvraag.naam,
                    _score_getoond(antwoord.score, antwoord.motivering),
                    status,
                    antwoord.motivering,
                    tuple(gekoppeld),
                    scoring.verwachting_uitgekomen(verwacht, [g.invoer for g in gekoppeld]),
                )
            )
        return sorted(uit, key=lambda v: v.nummer)

    @cached_property
    def _oordelen(self) -> dict[str, object]:
        return {o.indicator.code: o for o in self.evaluatie.oordelen.all()}

    @cached_property
    def businesscase(self):
        """The business case's part of the afweging's report (its doorrekening), or None
        when no app adds one."""
        for uitbreiding in uitbreidingen.alle():
            if uitbreiding.naam == "businesscase":
                return uitbreiding.rapport_deel(self.afweging)
        return None


def _indicatorscore(oordeel) -> str:
    if oordeel is None:
        return "open"
    return _score_getoond(oordeel.score, oordeel.motivering)
