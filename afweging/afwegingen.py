"""Writing and reading afwegingen: create, save a step under optimistic locking, and
gather everything the result page shows.

Every save names the version of the afweging it was based on. If someone saved in
between, the save is refused with `Conflict` and nothing is written, so no one
overwrites a colleague silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Max, OuterRef, Prefetch, Subquery
from django.utils import timezone

from afweging import scoring, signalen
from afweging.kader import actief_kader
from afweging.models import (
    Afweging,
    Antwoord,
    Deelnemer,
    Deelvraag,
    SuccesfactorAntwoord,
    Wijziging,
)
from casussen.models import Gemeente
from casussen.vergelijkbaar import (
    Vergelijking,
    profiel_van_leden,
    vergelijkbare_fusieorganisaties,
)

STAPPEN = ["basis", "deelnemers", "meerwaarde", "condities", "weging"]
STAPNAMEN = {
    "basis": "Voorstel",
    "deelnemers": "Deelnemers",
    "meerwaarde": "Meerwaarde",
    "condities": "Condities",
    "weging": "Weging varianten",
}


class Conflict(Exception):
    """Someone saved the afweging after the version this save was based on."""

    def __init__(self, afweging: Afweging):
        self.afweging = afweging
        door = afweging.gewijzigd_door
        naam = (door.get_full_name() or door.username) if door else "iemand anders"
        moment = timezone.localtime(afweging.gewijzigd).strftime("%H:%M")
        super().__init__(
            f"{naam} heeft deze afweging om {moment} opgeslagen, nadat u haar opende. "
            "Uw wijzigingen zijn niet opgeslagen, maar staan nog in het formulier: kopieer wat u "
            "wilt bewaren, herlaad de pagina voor de nieuwe versie en voer het daarin opnieuw in."
        )


class KaderOntbreekt(Exception):
    pass


SAMENVOEGEN_BINNEN = timedelta(minutes=15)


def vastleggen(afweging: Afweging, door, wat: str, **details) -> Wijziging:
    """Record a change in the afweging's history: who, when (now), what.

    The same change by the same person within a quarter of an hour (autosave while typing)
    updates the moment of the last entry instead of adding a new one.
    """
    wat = wat[:300]
    laatste = afweging.wijzigingen.order_by("-moment", "-pk").first()
    nu = timezone.now()
    if (
        laatste is not None
        and laatste.door_id == door.pk
        and laatste.wat == wat
        and nu - laatste.moment < SAMENVOEGEN_BINNEN
    ):
        Wijziging.objects.filter(pk=laatste.pk).update(moment=nu)
        return laatste
    return Wijziging.objects.create(afweging=afweging, door=door, wat=wat, details=details)


def _vergrendel(afweging: Afweging, versie: int, door) -> None:
    """Raise the version if it is still `versie`; otherwise raise Conflict."""
    nu = timezone.now()
    bijgewerkt = Afweging.objects.filter(pk=afweging.pk, versie=versie).update(
        versie=F("versie") + 1, gewijzigd=nu, gewijzigd_door=door
    )
    if not bijgewerkt:
        raise Conflict(Afweging.objects.select_related("gewijzigd_door").get(pk=afweging.pk))
    afweging.versie = versie + 1
    afweging.gewijzigd = nu
    afweging.gewijzigd_door = door


@transaction.atomic
def afweging_aanmaken(*, door, velden: dict, gemeenten: Iterable[Gemeente]) -> Afweging:
    kader = actief_kader()
    if kader is None:
        raise KaderOntbreekt("Er is geen gepubliceerd afwegingskader; laad de referentiegegevens.")
    afweging = Afweging.objects.create(
        **velden,
        provincie=door.provincie,
        kader=kader,
        aangemaakt_door=door,
        gewijzigd_door=door,
    )
    _zet_deelnemers(afweging, gemeenten)
    vastleggen(afweging, door, "Afweging aangemaakt")
    Antwoord.objects.bulk_create(
        Antwoord(afweging=afweging, deelvraag=deelvraag)
        for deelvraag in Deelvraag.objects.filter(onderdeel__kader=kader)
    )
    SuccesfactorAntwoord.objects.bulk_create(
        SuccesfactorAntwoord(afweging=afweging, succesfactor=factor)
        for factor in kader.succesfactoren.all()
    )
    from afweging.businesscase import businesscase_van

    businesscase_van(afweging)
    return afweging


def _zet_deelnemers(afweging: Afweging, gemeenten: Iterable[Gemeente]) -> None:
    gewenst = {g.pk for g in gemeenten}
    afweging.deelnemers.exclude(gemeente_id__in=gewenst).delete()
    # A gemeente that no longer takes part loses its reviewers and its formal reaction.
    afweging.delingen.exclude(gebruiker__gemeenten__in=gewenst).delete()
    afweging.reacties.exclude(gemeente_id__in=gewenst).delete()
    bestaand = set(afweging.deelnemers.values_list("gemeente_id", flat=True))
    Deelnemer.objects.bulk_create(
        Deelnemer(afweging=afweging, gemeente_id=pk) for pk in sorted(gewenst - bestaand)
    )


@transaction.atomic
def stap_opslaan(*, afweging: Afweging, versie: int, door, opslaan: Callable[[], None]) -> Afweging:
    """Run `opslaan` (which writes the step's forms) under the optimistic lock."""
    _vergrendel(afweging, versie, door)
    opslaan()
    return afweging


def basis_opslaan(
    *, afweging: Afweging, form, versie: int, door, met_deelnemers: bool = True
) -> Afweging:
    def opslaan():
        form.save(commit=False)
        velden = [f for f in form.Meta.fields if f != "gemeenten"]
        Afweging.objects.filter(pk=afweging.pk).update(
            **{veld: getattr(afweging, veld) for veld in velden}
        )
        if met_deelnemers and "gemeenten" in form.cleaned_data:
            _zet_deelnemers(afweging, form.cleaned_data["gemeenten"])
        velden_gewijzigd = [form.fields[v].label or v for v in form.changed_data if v != "versie"]
        vastleggen(
            afweging, door, "Voorstel gewijzigd: " + ", ".join(str(v) for v in velden_gewijzigd),
            velden=[v for v in form.changed_data if v != "versie"],
        )  # fmt: skip

    return stap_opslaan(afweging=afweging, versie=versie, door=door, opslaan=opslaan)


def _beschrijf(rij) -> str:
    if isinstance(rij, Antwoord):
        return f"deelvraag {rij.deelvraag.nummer}"
    if isinstance(rij, Deelnemer):
        return rij.gemeente.naam
    if isinstance(rij, SuccesfactorAntwoord):
        return f"succesfactor ‘{rij.succesfactor.naam}’"
    return str(rij)


def formset_opslaan(*, afweging: Afweging, formsets, versie: int, door) -> Afweging:
    def opslaan():
        delen = []
        for formset in formsets:
            for form in formset.forms:
                if form.has_changed():
                    form.save()
                    delen.append(f"{_beschrijf(form.instance)}: {', '.join(form.changed_data)}")
        if delen:
            vastleggen(afweging, door, "; ".join(delen), wijzigingen=delen)

    return stap_opslaan(afweging=afweging, versie=versie, door=door, opslaan=opslaan)


# --- reading ---------------------------------------------------------------------------


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
            oordeel=a.oordeel,
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
    from casussen.models import Gegevensstand
    from casussen.stand import REFERENTIE

    # The highest id and the latest moment, each on its own: a new entry always raises the
    # first, a merged autosave the second, whatever the clocks of the servers say.
    wijzigingen = Wijziging.objects.filter(afweging=OuterRef("pk")).order_by().values("afweging")
    return queryset.annotate(
        laatste_wijziging_pk=Subquery(wijzigingen.annotate(m=Max("pk")).values("m")),
        laatste_wijziging_moment=Subquery(wijzigingen.annotate(m=Max("moment")).values("m")),
        referentiestand=Subquery(
            Gegevensstand.objects.filter(sleutel=REFERENTIE).values("stempel")[:1]
        ),
    )


def stand(afweging: Afweging) -> str:
    """A stamp that changes with every change to the afweging, to anything recorded on it
    or to the reference data.

    Every change to an afweging goes through `vastleggen` (a new entry, or a new moment for
    the same change within a quarter of an hour) and changes to the scores also raise
    `versie`; cached pages of the afweging are keyed on this (see afweging/views.py). Reads
    the annotations of `met_stand` when the afweging has them.
    """
    if hasattr(afweging, "laatste_wijziging_pk"):
        laatste = (afweging.laatste_wijziging_pk, afweging.laatste_wijziging_moment)
        referentie = afweging.referentiestand or "-"
    else:
        from casussen.stand import referentiestand

        hoogste = afweging.wijzigingen.aggregate(pk=Max("pk"), moment=Max("moment"))
        laatste = (hoogste["pk"], hoogste["moment"])
        referentie = referentiestand()
    wijziging = f"{laatste[0]}@{laatste[1].isoformat()}" if laatste[0] else "-"
    return (
        f"{afweging.pk}:{afweging.versie}:{afweging.status}:"
        f"{afweging.gewijzigd.isoformat()}:{wijziging}/{referentie}"
    )


def resultaat(afweging: Afweging) -> Resultaat:
    deelvragen, factoren = scoring_invoer(afweging)
    context = signalen.context_van(afweging)
    profiel = profiel_van_leden([lid.inwoners for lid in context.leden], klassiek=context.klassiek)
    return Resultaat(
        afweging=afweging,
        uitkomst=scoring.bereken_uitkomst(deelvragen, factoren),
        gevoeligheid=scoring.gevoeligheid(deelvragen, factoren),
        signalen=signalen.signalen(context),
        vergelijkbaar=vergelijkbare_fusieorganisaties(profiel),
    )


def voortgang(afweging: Afweging) -> dict[str, tuple[int, int]]:
    """Per step: (done, total), for the progress bar."""
    antwoorden = list(afweging.antwoorden.all())
    per_onderdeel: dict[str, list[int]] = {}
    for antwoord in antwoorden:
        klaar = bool(antwoord.oordeel) and (antwoord.oordeel == "?" or antwoord.motivering.strip())
        telling = per_onderdeel.setdefault(antwoord.deelvraag.onderdeel.code, [0, 0])
        telling[0] += klaar and antwoord.oordeel != "?"
        telling[1] += 1
    deelnemers = list(afweging.deelnemers.all())
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
        **{code: (klaar, totaal) for code, (klaar, totaal) in per_onderdeel.items()},
    }
