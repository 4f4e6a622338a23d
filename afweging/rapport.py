"""The report of an afweging: one dataclass that feeds both the report page and the PDF,
so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from afweging import selectors, uitbreidingen
from afweging.models import Afweging, SuccesfactorAntwoord
from afweging.scoring import REGELS
from benchmark import svg
from benchmark.analyse import laatste_jaarrekening
from casussen.bronnen import BRONNEN
from casussen.register import LAATSTE_JAAR
from kader.models import Succesfactor
from weergave import getallen
from weergave.svg import als_data_uri

NIET_INGEVULD = "niet ingevuld"


@dataclass
class Deelvraagregel:
    nummer: int
    naam: str
    score: str
    motivering: str
    bronnen: str
    zonder_motivering: bool = False  # a draft score: shown, but it does not count


@dataclass
class Onderdeelblok:
    code: str
    naam: str
    score: float | None
    beantwoord: int
    aantal: int
    deelvragen: list[Deelvraagregel]


@dataclass
class Deelnemerblok:
    """One gemeente of the proposal: how it sees the fusie and why it takes part."""

    gemeente: str
    inwoners: int | None
    perspectief: str
    motieven: list[str]
    toelichting: str


@dataclass
class Voorstel:
    """The proposal as the adviseur described it, so the report stands on its own for
    Provinciale Staten. Amounts in Dutch notation; what was left empty says so."""

    variant: str
    centrumgemeente: str
    startdatum: date | None
    evaluatiedatum: date | None
    taakstelling: Decimal | None
    frictiekostenbudget: Decimal | None
    reorganisatie: str
    deelnemers: list[Deelnemerblok]
    inwonerjaar: int = LAATSTE_JAAR

    @property
    def taakstelling_tekst(self) -> str:
        # Empty means no taakstelling was entered (the form's own help text).
        if self.taakstelling is None:
            return NIET_INGEVULD
        return f"{getallen.euro(self.taakstelling)} per jaar"

    @property
    def frictiekosten_tekst(self) -> str:
        # 0 is "no budget", empty "not known yet" (the form's help text).
        if self.frictiekostenbudget is None:
            return f"{NIET_INGEVULD} (onbekend)"
        if not self.frictiekostenbudget:
            return "€ 0: geen budget voor frictiekosten"
        return f"{getallen.euro(self.frictiekostenbudget)} eenmalig"

    @property
    def maanden_tot_evaluatie(self) -> int | None:
        """Whole months from the start to the first evaluation: how early it comes is what
        the report warns about (see signalen.evaluatie)."""
        if self.startdatum is None or self.evaluatiedatum is None:
            return None
        maanden = (self.evaluatiedatum.year - self.startdatum.year) * 12
        maanden += self.evaluatiedatum.month - self.startdatum.month
        return maanden - (self.evaluatiedatum.day < self.startdatum.day)


def voorstel_van(afweging: Afweging) -> Voorstel:
    deelnemers = []
    for deelnemer in afweging.deelnemers.all():
        inwoners = {t.jaar: t.aantal for t in deelnemer.gemeente.inwonertallen.all()}
        deelnemers.append(
            Deelnemerblok(
                gemeente=deelnemer.gemeente.naam,
                inwoners=inwoners.get(LAATSTE_JAAR),
                perspectief=deelnemer.get_perspectief_display(),
                # The display labels, so a renamed or split motive reads as it does now.
                motieven=deelnemer.motieven_labels,
                toelichting=deelnemer.motieven_toelichting.strip(),
            )
        )
    return Voorstel(
        variant=afweging.get_variant_display(),
        centrumgemeente=afweging.centrumgemeente.naam if afweging.centrumgemeente else "",
        startdatum=afweging.geplande_startdatum,
        evaluatiedatum=afweging.geplande_evaluatiedatum,
        taakstelling=afweging.taakstelling,
        frictiekostenbudget=afweging.frictiekostenbudget,
        reorganisatie=afweging.get_reorganisatie_gecombineerd_display(),
        deelnemers=deelnemers,
    )


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
    voorstel: Voorstel
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
    def stand(self) -> datetime:
        """The moment the report's content is of: when it was vastgesteld, else the last
        save (shown on the cover instead of the internal edit counter)."""
        return self.afweging.vastgesteld_op or self.afweging.gewijzigd

    @property
    def benchmark_voetnoot(self) -> bool:
        """Whether a row of the benchmark table carries the footnote mark."""
        return any(r["vlag_bijdrage"] or r["vlag_bijna_nul"] for r in self.benchmark_rijen)

    @property
    def benchmark_zonder_cijfers(self) -> list[str]:
        """Participants whose Iv3 file holds only zeros: their overhead is unknown."""
        return [r["gemeentenaam"] for r in self.benchmark_rijen if r["vlag_geen_cijfers"]]

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
                        zonder_motivering=bool(
                            antwoorden.get(d.pk) and antwoorden[d.pk].zonder_motivering
                        ),
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
        voorstel=voorstel_van(afweging),
        delen={
            u.naam: deel
            for u in uitbreidingen.alle()
            if (deel := u.rapport_deel(afweging)) is not None
        },
        bronnen=list(BRONNEN.values()),
    )
