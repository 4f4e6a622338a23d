"""Reading afwegingen: everything their pages load in one go, the result the uitkomst page
and the report show, the progress per step, and the stand that cached pages are keyed on.
Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, OuterRef, Prefetch, Subquery

from afweging import scoring, signalen
from afweging.models import Afweging, Antwoord, Deelnemer, SuccesfactorAntwoord, Wijziging
from casussen.vergelijkbaar import (
    Vergelijking,
    profiel_van_leden,
    vergelijkbare_fusieorganisaties,
)
from paginacache import stand as paginacache_stand


def met_alles(queryset):
    return (
        queryset.defer("vastgestelde_pdf")
        .select_related(
            "provincie", "kader", "centrumgemeente", "aangemaakt_door", "gewijzigd_door"
        )
        .prefetch_related(
            Prefetch(
                "deelnemers",
                queryset=Deelnemer.objects.select_related("gemeente__provincie").prefetch_related(
                    "gemeente__inwonertallen"
                ),
            ),
            Prefetch(
                "antwoorden",
                queryset=Antwoord.objects.select_related("deelvraag__onderdeel").order_by(
                    "deelvraag__nummer"
                ),
            ),
            Prefetch(
                "succesfactorantwoorden",
                queryset=SuccesfactorAntwoord.objects.select_related("succesfactor"),
            ),
        )
    )


def scoring_invoer(
    afweging: Afweging,
) -> tuple[list[scoring.DeelvraagInvoer], list[scoring.SuccesfactorInvoer]]:
    deelvragen = [
        scoring.deelvraag_invoer(
            nummer=a.deelvraag.nummer,
            onderdeel=a.deelvraag.onderdeel.code,
            naam=a.deelvraag.naam,
            gewicht=float(a.deelvraag.gewicht),
            score=a.score,
            motivering=a.motivering,
        )
        for a in afweging.antwoorden.all()
    ]
    factoren = [
        scoring.SuccesfactorInvoer(s.succesfactor.naam, s.status)
        for s in afweging.succesfactorantwoorden.all()
    ]
    return deelvragen, factoren


@dataclass
class Resultaat:
    afweging: Afweging
    uitkomst: scoring.Uitkomst
    gevoeligheid: scoring.Gevoeligheid
    signalen: list[signalen.Signaal]
    vergelijkbaar: list[Vergelijking]


def met_stand(queryset):
    """Annotate what `stand` needs, so that a cached page costs no extra queries: the last
    history entry and the reference data stand, as subqueries of the afweging's own."""
    # The highest id and the latest moment, each on its own: a new entry always raises the
    # first, a merged autosave the second, whatever the clocks of the servers say.
    wijzigingen = Wijziging.objects.filter(afweging=OuterRef("pk")).order_by().values("afweging")
    return queryset.annotate(
        laatste_wijziging_pk=Subquery(wijzigingen.annotate(m=Max("pk")).values("m")),
        laatste_wijziging_moment=Subquery(wijzigingen.annotate(m=Max("moment")).values("m")),
        referentiestand=paginacache_stand.referentiestand_subquery(),
    )


def stand(afweging: Afweging) -> str:
    """A stamp that changes with every change to the afweging, to anything recorded on it
    or to the reference data.

    Every change to an afweging goes through `vastleggen` (a new entry, or a new moment for
    the same change within a quarter of an hour) and changes to the scores also raise
    `versie`; cached pages of the afweging are keyed on this (afweging/views/pagina.py).
    Reads the annotations of `met_stand` when the afweging has them.
    """
    if hasattr(afweging, "laatste_wijziging_pk"):
        laatste = (afweging.laatste_wijziging_pk, afweging.laatste_wijziging_moment)
        referentie = afweging.referentiestand or "-"
    else:
        hoogste = afweging.wijzigingen.aggregate(pk=Max("pk"), moment=Max("moment"))
        laatste = (hoogste["pk"], hoogste["moment"])
        referentie = paginacache_stand.referentiestand()
    wijziging = f"{laatste[0]}@{laatste[1].isoformat()}" if laatste[0] else "-"
    return (
        f"{afweging.pk}:{afweging.versie}:{afweging.status}:"
        f"{afweging.gewijzigd.isoformat()}:{wijziging}/{referentie}"
    )


def resultaat(afweging: Afweging) -> Resultaat:
    deelvragen, factoren = scoring_invoer(afweging)
    context = signalen.context_van(afweging)
    profiel = profiel_van_leden([d.inwoners for d in context.deelnemers], klassiek=context.klassiek)
    return Resultaat(
        afweging=afweging,
        uitkomst=scoring.bereken_uitkomst(deelvragen, factoren),
        gevoeligheid=scoring.gevoeligheid(deelvragen, factoren),
        signalen=signalen.signalen(context),
        vergelijkbaar=vergelijkbare_fusieorganisaties(profiel),
    )


@dataclass(frozen=True)
class Checklist:
    """Where the checklist of kritieke succesfactoren stands: the names per status."""

    per_status: dict[str, list[str]]
    aantal: int

    # How a count reads in a sentence: "3 voldaan, 1 niet voldaan en 11 onbekend".
    IN_ZIN = {"voldaan": "voldaan", "deels": "deels voldaan", "niet": "niet voldaan",
              "onbekend": "onbekend"}  # fmt: skip

    @property
    def onbekend(self) -> list[str]:
        return self.per_status.get(SuccesfactorAntwoord.Status.ONBEKEND, [])

    @property
    def niet_voldaan(self) -> list[str]:
        return self.per_status.get(SuccesfactorAntwoord.Status.NIET, [])

    @property
    def ingevuld(self) -> int:
        return self.aantal - len(self.onbekend)

    @property
    def telling(self) -> list[str]:
        """Per status that occurs, in the order of the choices: '3 voldaan'."""
        return [
            f"{len(self.per_status[waarde])} {self.IN_ZIN[waarde]}"
            for waarde in SuccesfactorAntwoord.Status.values
            if self.per_status.get(waarde)
        ]


def checklist(afweging: Afweging) -> Checklist:
    per_status: dict[str, list[str]] = {}
    factoren = list(afweging.succesfactorantwoorden.all())
    for factor in factoren:
        per_status.setdefault(factor.status, []).append(factor.succesfactor.naam)
    return Checklist(per_status, len(factoren))


def voortgang(afweging: Afweging) -> dict[str, tuple[int, int]]:
    """Per step: (done, total), for the progress bar."""
    antwoorden = list(afweging.antwoorden.all())
    per_onderdeel: dict[str, list[int]] = {}
    for antwoord in antwoorden:
        klaar = bool(antwoord.score) and (antwoord.score == "?" or antwoord.motivering.strip())
        telling = per_onderdeel.setdefault(antwoord.deelvraag.onderdeel.code, [0, 0])
        telling[0] += klaar and antwoord.score != "?"
        telling[1] += 1
    deelnemers = list(afweging.deelnemers.all())
    lijst = checklist(afweging)
    basis_velden = [
        afweging.titel,
        afweging.variant,
        afweging.geplande_startdatum,
        afweging.geplande_evaluatiedatum,
        afweging.frictiekostenbudget is not None,
        len(deelnemers) >= 2,
    ]
    return {
        "basis": (sum(bool(v) for v in basis_velden), len(basis_velden)),
        "deelnemers": (
            sum(1 for d in deelnemers if d.perspectief != "onbekend" or d.motieven),
            len(deelnemers),
        ),
        "succesfactoren": (lijst.ingevuld, lijst.aantal),
        **{code: (klaar, totaal) for code, (klaar, totaal) in per_onderdeel.items()},
    }
