"""The report of an afweging: one dataclass that feeds both the report page and the PDF,
so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from afweging import selectors, uitbreidingen
from afweging.models import Afweging, SuccesfactorAntwoord
from afweging.scoring import REGELS
from benchmark import svg
from benchmark.analyse import laatste_jaarrekening
from casussen.bronnen import BRONNEN
from kader.models import Succesfactor
from weergave.svg import als_data_uri


@dataclass
class Deelvraagregel:
    nummer: int
    naam: str
    score: str
    motivering: str
    bronnen: str


@dataclass
class Onderdeelblok:
    code: str
    naam: str
    score: float | None
    beantwoord: int
    aantal: int
    deelvragen: list[Deelvraagregel]


@dataclass
class Checklistgroep:
    fase: str
    factoren: list[SuccesfactorAntwoord]


@dataclass
class Rapport:
    afweging: Afweging
    datum: date
    resultaat: selectors.Resultaat
    onderdelen: list[Onderdeelblok]
    checklist: list[Checklistgroep]
    benchmark_rijen: list[dict]
    benchmark_groep: object | None
    benchmark_bestand: object | None
    benchmark_svg: str
    # The parts other apps add (the business case, the formal reacties), by their name.
    delen: dict = field(default_factory=dict)
    bronnen: list = field(default_factory=list)
    regels: list = field(default_factory=lambda: list(REGELS))

    @property
    def concept(self) -> bool:
        return self.afweging.status != Afweging.Status.VASTGESTELD

    @property
    def gemeenten(self) -> list[str]:
        return [d.gemeente.naam for d in self.afweging.deelnemers.all()]

    @property
    def uitkomst(self):
        return self.resultaat.uitkomst

    @property
    def regelnummer(self) -> int:
        return next(i for i, (code, _) in enumerate(REGELS, 1) if code == self.uitkomst.regel)


def rapport_van(afweging: Afweging, *, datum: date | None = None) -> Rapport:
    """Build the report of an afweging loaded with `selectors.met_alles`."""
    resultaat = selectors.resultaat(afweging)
    antwoorden = {a.deelvraag_id: a for a in afweging.antwoorden.all()}
    onderdelen = []
    for onderdeel in afweging.kader.onderdelen.prefetch_related("deelvragen").order_by("volgorde"):
        score = resultaat.uitkomst.onderdelen.get(onderdeel.code)
        onderdelen.append(
            Onderdeelblok(
                code=onderdeel.code,
                naam=onderdeel.naam,
                score=score.score if score else None,
                beantwoord=score.beantwoord if score else 0,
                aantal=score.aantal if score else 0,
                deelvragen=[
                    Deelvraagregel(
                        nummer=d.nummer,
                        naam=d.naam,
                        score=antwoorden[d.pk].get_score_display()
                        if antwoorden.get(d.pk) and antwoorden[d.pk].score
                        else "open",
                        motivering=antwoorden[d.pk].motivering if antwoorden.get(d.pk) else "",
                        bronnen=antwoorden[d.pk].bronnen if antwoorden.get(d.pk) else "",
                    )
                    for d in onderdeel.deelvragen.all()
                ],
            )
        )
    checklist = []
    for fase, label in Succesfactor.Fase.choices:
        factoren = [s for s in afweging.succesfactorantwoorden.all() if s.succesfactor.fase == fase]
        if factoren:
            checklist.append(Checklistgroep(label, factoren))

    analyse = laatste_jaarrekening()
    codes = [d.gemeente.code for d in afweging.deelnemers.all()]
    rijen, groep, bestand, spreiding = [], None, None, ""
    if analyse is not None:
        rijen = [r for r in analyse.tabelrijen if r["gemeentecode"] in codes]
        groep = analyse.groep(codes, "De deelnemers samen")
        bestand = analyse.bestand
        spreiding = als_data_uri(svg.spreiding_svg(analyse, codes))
    return Rapport(
        afweging=afweging,
        # A vastgestelde report carries the date it was fixed, so it reads the same later.
        datum=datum
        or (
            timezone.localdate(afweging.vastgesteld_op)
            if afweging.vastgesteld_op
            else timezone.localdate()
        ),
        resultaat=resultaat,
        onderdelen=onderdelen,
        checklist=checklist,
        benchmark_rijen=rijen,
        benchmark_groep=groep,
        benchmark_bestand=bestand,
        benchmark_svg=spreiding,
        delen={
            u.naam: deel
            for u in uitbreidingen.alle()
            if (deel := u.rapport_deel(afweging)) is not None
        },
        bronnen=list(BRONNEN.values()),
    )
