"""Reading afwegingen: everything their pages load in one go, the result the uitkomst page
and the report show, the progress per step, and the stand that cached pages are keyed on.
Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, Max, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from afweging import scoring, signalen, uitbreidingen
from afweging.models import (
    Afweging,
    Antwoord,
    Deelnemer,
    Gezien,
    SuccesfactorAntwoord,
    Wijziging,
)
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
            code=a.deelvraag.code,
        )
        for a in afweging.antwoorden.all()
    ]
    factoren = [
        scoring.SuccesfactorInvoer(
            s.succesfactor.naam,
            s.status,
            code=s.succesfactor.code,
            fase=s.succesfactor.fase,
            regel=s.succesfactor.rapport_regel,
            notitie=s.notitie,
        )
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


def met_laatste_wijziging(queryset):
    """Annotate `laatst_gewijzigd`, newest first: the moment of the last entry in the
    afweging's history, so that it moves with opmerkingen, reacties and sharing as well
    as with saves (all go through `services.vastleggen`). The afweging's own `gewijzigd`
    is the moment of the last save of its content and goes with the optimistic lock
    (`versie`); an opmerking raises neither, so the adviseur editing meanwhile gets no
    conflict. Use `laatst_gewijzigd_door` on the list that comes out for who it was."""
    laatste = Wijziging.objects.filter(afweging=OuterRef("pk")).order_by("-moment", "-pk")
    return queryset.annotate(
        laatst_gewijzigd=Coalesce(Subquery(laatste.values("moment")[:1]), F("gewijzigd")),
        laatste_wijziging_id=Subquery(laatste.values("pk")[:1]),
    ).order_by("-laatst_gewijzigd", "-pk")


def laatst_gewijzigd_door(afwegingen) -> list[Afweging]:
    """The afwegingen of `met_laatste_wijziging` as a list, each with
    `laatst_gewijzigd_door`: who made the last entry in its history (one query for all)."""
    afwegingen = list(afwegingen)
    wijzigingen = Wijziging.objects.select_related("door").in_bulk(
        [a.laatste_wijziging_id for a in afwegingen if a.laatste_wijziging_id]
    )
    for afweging in afwegingen:
        wijziging = wijzigingen.get(afweging.laatste_wijziging_id)
        afweging.laatst_gewijzigd_door = wijziging.door if wijziging else afweging.gewijzigd_door
    return afwegingen


def nieuw_voor(gebruiker, queryset, *, moment: str, door: str):
    """The rows of `queryset` (of a model with an `afweging`) that are new to this user:
    made by someone else (`door`) after the user last opened their afweging (`moment`
    later than `Gezien.moment`), or ever if they never opened it. One query, whatever the
    number of afwegingen."""
    laatst = Gezien.objects.filter(gebruiker=gebruiker, afweging=OuterRef("afweging_id"))
    return (
        queryset.exclude(**{door: gebruiker})
        .alias(laatst_gezien=Subquery(laatst.values("moment")[:1]))
        .filter(Q(laatst_gezien=None) | Q(**{f"{moment}__gt": F("laatst_gezien")}))
    )


def resultaat(afweging: Afweging) -> Resultaat:
    deelvragen, factoren = scoring_invoer(afweging)
    context = signalen.context_van(afweging)
    profiel = profiel_van_leden([d.inwoners for d in context.deelnemers], klassiek=context.klassiek)
    uitkomst = scoring.bereken_uitkomst(deelvragen, factoren)
    # The apps above afweging add the signalen only their data can raise (the business case).
    erbij = [s for u in uitbreidingen.alle() for s in u.signalen(afweging, uitkomst=uitkomst)]
    return Resultaat(
        afweging=afweging,
        uitkomst=uitkomst,
        gevoeligheid=scoring.gevoeligheid(deelvragen, factoren),
        signalen=signalen.op_volgorde([*signalen.signalen(context), *erbij]),
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
    # Done means what scoring counts: a score with a motivation. The autosave keeps drafts
    # (a score without a motivation, a motivation without a score), which are not done.
    deelvragen, _ = scoring_invoer(afweging)
    per_onderdeel: dict[str, list[int]] = {}
    for deelvraag in deelvragen:
        telling = per_onderdeel.setdefault(deelvraag.onderdeel, [0, 0])
        telling[0] += 1 if deelvraag.beantwoord else 0
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
