"""Writing afwegingen: create, save a step under optimistic locking, record the history,
vaststellen and start a new version.

Every save names the version of the afweging it was based on. If someone else saved in
between, the save is refused with `Conflict` and nothing is written, so no one
overwrites a colleague silently. One's own saves in between (an autosave that landed
after a reload, another tab) are no conflict: see `mag_opslaan_vanaf`. Each function is
one action in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, When
from django.utils import timezone
from django.utils.formats import date_format

from afweging import meldingen, selectors, uitbreidingen
from afweging.controle import Controle
from afweging.geschiedenis import in_woorden, veranderingen
from afweging.models import (
    Afweging,
    Antwoord,
    Deelnemer,
    Gezien,
    SuccesfactorAntwoord,
)
from casussen.models import Gemeente
from kader.models import Deelvraag
from kader.versies import actief_kader

logger = logging.getLogger(__name__)


class Conflict(Exception):
    """Someone saved the afweging after the version this save was based on. Any row under
    the same lock (`versie_ophogen`) may say so with this message: `onderwerp` names it
    ("deze evaluatie"; a word that takes "haar")."""

    def __init__(self, afweging: Afweging, onderwerp: str = "deze afweging"):
        self.afweging = afweging
        door = afweging.gewijzigd_door
        naam = (door.get_full_name() or door.username) if door else "iemand anders"
        moment = timezone.localtime(afweging.gewijzigd).strftime("%H:%M")
        super().__init__(
            f"{naam} heeft {onderwerp} om {moment} opgeslagen, nadat u haar opende. "
            "Uw wijzigingen zijn niet opgeslagen, maar staan nog in het formulier: kopieer wat u "
            "wilt bewaren, herlaad de pagina voor de nieuwe versie en voer het daarin opnieuw in."
        )


class KaderOntbreekt(Exception):
    pass


class NietToegestaan(Exception):
    """The action does not fit the afweging's status (vastgesteld, already a new version)."""


SAMENVOEGEN_BINNEN = timedelta(minutes=15)


def vastleggen(onderwerp, door, wat: str, **details):
    """Record a change in the history of what is judged (an afweging, an evaluatie: any
    model whose `wijzigingen` are `Geschiedenisregel`s): who, when (now), what.

    The same change by the same person within a quarter of an hour (autosave while typing)
    updates the moment of the last entry instead of adding a new one.
    """
    if len(wat) > 300:  # The line is cut off; the history shows the full text from here.
        details["tekst"] = wat
        wat = wat[:299] + "…"
    regels = onderwerp.wijzigingen
    laatste = regels.order_by("-moment", "-pk").first()
    nu = timezone.now()
    if (
        laatste is not None
        and laatste.door_id == door.pk
        and laatste.wat == wat
        and nu - laatste.moment < SAMENVOEGEN_BINNEN
    ):
        regels.model.objects.filter(pk=laatste.pk).update(moment=nu)
        return laatste
    return regels.create(door=door, wat=wat, details=details)


def status_onder_slot(afweging: Afweging) -> str:
    """Re-read the afweging's status under a row lock, so an action and a vaststelling
    that run at the same time cannot both pass their checks. Any row with a `status` will
    do (an evaluatie)."""
    vers = type(afweging).objects.select_for_update().only("status").get(pk=afweging.pk)
    afweging.status = vers.status
    return afweging.status


def mag_opslaan_vanaf(afweging: Afweging, versie: int, door) -> bool:
    """Whether a save based on `versie` may go ahead: it is the current version, or every
    save since it was by `door` (their own earlier saves are no conflict)."""
    return versie == afweging.versie or (
        afweging.eigen_sinds <= versie < afweging.versie and afweging.gewijzigd_door_id == door.pk
    )


def versie_ophogen(
    model, pk: int, versie: int, door, *, strikt: bool = False,
    door_veld: str = "gewijzigd_door", moment_veld: str = "gewijzigd",
) -> bool:  # fmt: skip
    """The optimistic lock of any row with `versie` and `eigen_sinds` (an afweging, a
    reactie): raise its version if the save may go ahead from `versie` (see
    `mag_opslaan_vanaf`; `strikt`: only from the current version) and say whether it did.
    Checked and raised in one UPDATE, so two saves at the same moment cannot both pass.
    `door_veld` and `moment_veld` name who saved last and when."""
    toegestaan = Q(versie=versie)
    if not strikt:
        toegestaan |= Q(**{door_veld: door}, eigen_sinds__lte=versie, versie__gt=versie)
    return bool(
        model.objects.filter(toegestaan, pk=pk).update(
            versie=F("versie") + 1,
            **{moment_veld: timezone.now(), door_veld: door},
            # The run of one's own saves goes on, or starts at the version saved from.
            eigen_sinds=Case(When(**{door_veld: door}, then=F("eigen_sinds")), default=F("versie")),
        )
    )


def _vergrendel(afweging: Afweging, versie: int, door, *, strikt: bool = False) -> None:
    """Raise the afweging's version if the save may go ahead from `versie`; otherwise
    raise Conflict (`versie_ophogen`)."""
    if not versie_ophogen(Afweging, afweging.pk, versie, door, strikt=strikt):
        raise Conflict(Afweging.objects.select_related("gewijzigd_door").get(pk=afweging.pk))
    afweging.versie, afweging.eigen_sinds, afweging.gewijzigd = Afweging.objects.values_list(
        "versie", "eigen_sinds", "gewijzigd"
    ).get(pk=afweging.pk)
    afweging.gewijzigd_door = door


def gezien_vastleggen(*, afweging: Afweging, gebruiker) -> None:
    """Note that this user opens the afweging now: from here on, only what others add
    later is new to them (`models.Gezien`). One upsert on a row of its own, never the
    afweging's, so opening a page raises no version and moves no "laatst gewijzigd"."""
    Gezien.objects.bulk_create(
        [Gezien(afweging=afweging, gebruiker=gebruiker, moment=timezone.now())],
        update_conflicts=True,
        unique_fields=["afweging", "gebruiker"],
        update_fields=["moment"],
    )


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
    for uitbreiding in uitbreidingen.alle():
        uitbreiding.bij_aanmaken(afweging)
    return afweging


def _zet_deelnemers(afweging: Afweging, gemeenten: Iterable[Gemeente]) -> None:
    gewenst = {g.pk for g in gemeenten}
    afweging.deelnemers.exclude(gemeente_id__in=gewenst).delete()
    # A gemeente that no longer takes part loses what hangs off it (its reviewers and its
    # formal reaction).
    for uitbreiding in uitbreidingen.alle():
        uitbreiding.bij_deelnemers_weg(afweging, gebleven=gewenst)
    bestaand = set(afweging.deelnemers.values_list("gemeente_id", flat=True))
    Deelnemer.objects.bulk_create(
        Deelnemer(afweging=afweging, gemeente_id=pk) for pk in sorted(gewenst - bestaand)
    )


@transaction.atomic
def stap_opslaan(
    *, afweging: Afweging, versie: int, door, opslaan: Callable[[], None], strikt: bool = False
) -> Afweging:
    """Run `opslaan` (which writes the step's forms) under the optimistic lock."""
    _vergrendel(afweging, versie, door, strikt=strikt)
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
        zonder = ("versie",) if met_deelnemers else ("versie", "gemeenten")
        regels = veranderingen(form, zonder=zonder)
        vastleggen(afweging, door, f"Voorstel gewijzigd: {in_woorden(regels)}", wijzigingen=regels)

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
        delen, details = [], []
        for formset in formsets:
            for form in formset.forms:
                if form.has_changed():
                    regels = veranderingen(form)
                    form.save()
                    delen.append(f"{_beschrijf(form.instance)}: {in_woorden(regels)}")
                    details.append({"wat": _beschrijf(form.instance), "velden": regels})
        if delen:
            vastleggen(afweging, door, "; ".join(delen), wijzigingen=details)

    return stap_opslaan(afweging=afweging, versie=versie, door=door, opslaan=opslaan)


GEWIJZIGD_TIJDENS_PDF = (
    "Terwijl de PDF werd gemaakt, veranderde de afweging (een opslag, een opmerking of een "
    "reactie). Ze is niet vastgesteld: bekijk de controlepagina opnieuw en stel haar dan vast."
)


def _eigen_stand(afweging: Afweging) -> tuple:
    """The afweging's own part of `selectors.stand` (annotated by `selectors.met_stand`): its
    version, status and last save, and the last entry in its history, which every
    opmerking, reactie or share of the review writes too (`vastleggen`). Not the reference
    data part: that changes with any gemeente, kader or user saved (a login, even), which
    is no change to what the PDF shows of this afweging."""
    return (
        afweging.versie,
        afweging.status,
        afweging.gewijzigd,
        afweging.laatste_wijziging_pk,
        afweging.laatste_wijziging_moment,
    )


def vaststellen(*, afweging: Afweging, versie: int, door) -> Afweging:
    """Freeze the afweging and keep its PDF as it is now, so it can be reproduced.

    The PDF is made first, outside any transaction and without a lock: it takes seconds
    (and is stopped after PDF_MAX_SECONDEN, config.pdf). The row is locked only for what
    follows: checking that the afweging did not change since the PDF was made (its own
    part of the stand, `_eigen_stand`; else nothing is written) and writing. What changes in between waits for that lock, then
    finds the afweging vastgesteld."""
    from afweging.rapport import rapport_van
    from config.pdf import render_to_pdf

    # As saved, not as this request's copy: the check and the PDF read what is frozen.
    vers = selectors.met_stand(selectors.met_alles(Afweging.objects.filter(pk=afweging.pk))).get()
    if vers.status == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Deze afweging is al vastgesteld.")
    if vers.versie != versie:  # What is frozen is what the person saw.
        raise Conflict(vers)
    controle = Controle(vers)
    if not controle.kan_vaststellen:
        raise NietToegestaan(controle.waarom_niet())
    stand = _eigen_stand(vers)
    nu = timezone.now()
    vers.status, vers.vastgesteld_op, vers.vastgesteld_door = Afweging.Status.VASTGESTELD, nu, door
    _, pdf = render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(vers)})
    return _vaststelling_opslaan(
        afweging=afweging, versie=versie, door=door, nu=nu, pdf=pdf, stand=stand
    )


@transaction.atomic
def _vaststelling_opslaan(*, afweging: Afweging, versie: int, door, nu, pdf: bytes, stand: tuple):
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Deze afweging is al vastgesteld.")
    nu_opgeslagen = selectors.met_stand(Afweging.objects.filter(pk=afweging.pk)).get()
    if nu_opgeslagen.versie != versie:
        raise Conflict(Afweging.objects.select_related("gewijzigd_door").get(pk=afweging.pk))
    if _eigen_stand(nu_opgeslagen) != stand:
        raise NietToegestaan(GEWIJZIGD_TIJDENS_PDF)

    def opslaan():
        afweging.status = Afweging.Status.VASTGESTELD
        afweging.vastgesteld_op = nu
        afweging.vastgesteld_door = door
        Afweging.objects.filter(pk=afweging.pk).update(
            status=afweging.status, vastgesteld_op=nu, vastgesteld_door=door, vastgestelde_pdf=pdf
        )
        vastleggen(afweging, door, "Status: vastgesteld")
        betrokkenen = [g for u in uitbreidingen.alle() for g in u.betrokkenen(afweging)]
        meldingen.mail(
            [*betrokkenen, afweging.aangemaakt_door],
            f"Vastgesteld: {afweging.titel}",
            f"De afweging ‘{afweging.titel}’ is vastgesteld door {meldingen.naam(door)}.\n"
            f"{meldingen.link(afweging)}\n",
        )

    # What is frozen is what the person saw: only from the current version.
    return stap_opslaan(afweging=afweging, versie=versie, door=door, opslaan=opslaan, strikt=True)


@transaction.atomic
def verwijderen(*, afweging: Afweging, door) -> str:
    """Delete a concept with all that hangs off it; a vastgestelde afweging stays. Gives
    the title, for the message."""
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
        raise NietToegestaan(
            "Een vastgestelde afweging blijft bewaard en kan niet worden verwijderd."
        )
    titel = afweging.titel
    Afweging.objects.filter(pk=afweging.pk).delete()
    logger.info("Afweging %s (%r) verwijderd door %s", afweging.pk, titel, door.username)
    return titel


@transaction.atomic
def nieuwe_versie(*, afweging: Afweging, door) -> Afweging:
    """A concept copy of a vastgestelde afweging, linked to it, to change further."""
    if afweging.status != Afweging.Status.VASTGESTELD:
        raise NietToegestaan(
            "Alleen van een vastgestelde afweging wordt een nieuwe versie gemaakt."
        )
    if Afweging.objects.filter(vorige=afweging).exists():
        raise NietToegestaan("Van deze afweging bestaat al een nieuwe versie.")
    oud_pk = afweging.pk
    kopie = Afweging.objects.get(pk=oud_pk)
    kopie.pk = None
    kopie.status = Afweging.Status.CONCEPT
    kopie.vorige_id = oud_pk
    kopie.versie = 1
    kopie.vastgesteld_op = None
    kopie.vastgesteld_door = None
    kopie.vastgestelde_pdf = None
    kopie.aangemaakt_door = door
    kopie.gewijzigd_door = door
    kopie.is_voorbeeld = afweging.is_voorbeeld
    try:
        with transaction.atomic():
            kopie.save()
    except IntegrityError as fout:  # Someone made the new version a moment ago.
        raise NietToegestaan("Van deze afweging bestaat al een nieuwe versie.") from fout
    for model in (Deelnemer, Antwoord, SuccesfactorAntwoord):
        rijen = list(model.objects.filter(afweging_id=oud_pk))
        for rij in rijen:
            rij.pk = None
            rij.afweging = kopie
        model.objects.bulk_create(rijen)
    for uitbreiding in uitbreidingen.alle():
        uitbreiding.bij_nieuwe_versie(oud=afweging, kopie=kopie)
    # In words a reader knows (the date of the vaststelling), not the rows' ids.
    op = date_format(timezone.localtime(afweging.vastgesteld_op), "j F Y")
    vastleggen(kopie, door, f"Nieuwe versie van de afweging die op {op} werd vastgesteld")
    vastleggen(afweging, door, "Nieuwe versie gemaakt, als concept om verder te bewerken")
    return kopie
