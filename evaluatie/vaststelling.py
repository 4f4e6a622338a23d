"""Vaststellen an evaluatie: freeze it and keep its PDF as it is now, after
`afweging.services.vaststellen`, with the same lock, history and mail.

The PDF is made first, outside any transaction and without a lock: it takes seconds (and
is stopped after PDF_MAX_SECONDEN, config.pdf). The row is locked only for what follows:
checking that the evaluatie did not change since the PDF was made (its version, status,
last save and the last entry in its history, which a review of it writes too; else nothing
is written) and writing. A save that comes in between waits for that lock, then finds the
evaluatie vastgesteld (`services._vergrendel`). Who may vaststellen (the adviseurs of the
leading provincie) is the view's to check, as for an afweging.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from afweging import meldingen
from afweging.services import (
    Conflict,
    NietToegestaan,
    status_onder_slot,
    vastleggen,
    versie_ophogen,
)
from config.pdf import render_to_pdf
from evaluatie import selectors, uitbreidingen
from evaluatie.controle import Controle
from evaluatie.models import Evaluatie, Wijziging
from evaluatie.rapport import rapport_van
from evaluatie.services import ONDERWERP

AL_VASTGESTELD = "Deze evaluatie is al vastgesteld."
GEWIJZIGD_TIJDENS_PDF = (
    "Terwijl de PDF werd gemaakt, veranderde de evaluatie (een opslag of iets anders in haar "
    "geschiedenis). Ze is niet vastgesteld: bekijk de controlepagina opnieuw en stel haar dan "
    "vast."
)
PDF_TEMPLATE = "evaluatie/pdf/rapport.html"


def _eigen_stand(pk: int) -> tuple:
    """The evaluatie's own part of `selectors.stand`: its version, status and last save,
    and the last entry in its history with its moment (`vastleggen` merges an autosave's
    entries by moving the moment). Not the reference data: a login renews that stamp, and
    changes nothing of what the PDF shows of this evaluatie."""
    rij = Evaluatie.objects.values_list("versie", "status", "gewijzigd").get(pk=pk)
    laatste = (
        Wijziging.objects.filter(evaluatie_id=pk)
        .order_by("-pk")
        .values_list("pk", "moment")
        .first()
    )
    return (*rij, laatste)


def _conflict(pk: int) -> Conflict:
    return Conflict(Evaluatie.objects.select_related("gewijzigd_door").get(pk=pk), ONDERWERP)


def vaststellen(*, evaluatie: Evaluatie, versie: int, door) -> Evaluatie:
    """Vaststellen from `versie`, the version the adviseur checked: Conflict when someone
    saved since, NietToegestaan when it is vastgesteld already or the check blocks."""
    # As saved, not as this request's copy: the check and the PDF read what is frozen.
    vers = selectors.met_alles(Evaluatie.objects.filter(pk=evaluatie.pk)).get()
    if vers.status == Evaluatie.Status.VASTGESTELD:
        raise NietToegestaan(AL_VASTGESTELD)
    if vers.versie != versie:  # What is frozen is what the person saw.
        raise _conflict(vers.pk)
    controle = Controle(vers)
    if not controle.kan_vaststellen:
        raise NietToegestaan(controle.waarom_niet())
    stand = _eigen_stand(vers.pk)
    nu = timezone.now()
    # The PDF shows what it will be: vastgesteld, on this date, without the concept mark.
    vers.status, vers.vastgesteld_op, vers.vastgesteld_door = Evaluatie.Status.VASTGESTELD, nu, door
    _, pdf = render_to_pdf(PDF_TEMPLATE, {"rapport": rapport_van(vers)})
    return _opslaan(evaluatie=evaluatie, versie=versie, door=door, nu=nu, pdf=pdf, stand=stand)


@transaction.atomic
def _opslaan(*, evaluatie: Evaluatie, versie: int, door, nu, pdf: bytes, stand: tuple):
    if status_onder_slot(evaluatie) == Evaluatie.Status.VASTGESTELD:
        raise NietToegestaan(AL_VASTGESTELD)
    nu_opgeslagen = _eigen_stand(evaluatie.pk)
    if nu_opgeslagen[0] != versie:
        raise _conflict(evaluatie.pk)
    if nu_opgeslagen != stand:
        raise NietToegestaan(GEWIJZIGD_TIJDENS_PDF)
    # Only from the current version (strikt): what is frozen is what the person saw.
    if not versie_ophogen(Evaluatie, evaluatie.pk, versie, door, strikt=True):
        raise _conflict(evaluatie.pk)
    Evaluatie.objects.filter(pk=evaluatie.pk).update(
        status=Evaluatie.Status.VASTGESTELD,
        vastgesteld_op=nu,
        vastgesteld_door=door,
        vastgestelde_pdf=pdf,
    )
    evaluatie.refresh_from_db(fields=["versie", "eigen_sinds", "gewijzigd", "gewijzigd_door"])
    evaluatie.status, evaluatie.vastgesteld_op, evaluatie.vastgesteld_door = (
        Evaluatie.Status.VASTGESTELD, nu, door
    )  # fmt: skip
    vastleggen(evaluatie, door, "Status: vastgesteld")
    betrokkenen = [g for u in uitbreidingen.alle() for g in u.betrokkenen(evaluatie)]
    meldingen.mail(
        [*betrokkenen, evaluatie.aangemaakt_door],
        f"Vastgesteld: {evaluatie.titel}",
        f"De evaluatie ‘{evaluatie.titel}’ is vastgesteld door {meldingen.naam(door)}.\n"
        f"{meldingen.link(evaluatie)}\n",
    )
    return evaluatie


def ontvangers(evaluatie: Evaluatie) -> list:
    """Who got the mail of the vaststelling: the maker and those the apps name, as far as
    they have an address (`meldingen.mail` sends to no other)."""
    return meldingen.met_adres(
        [
            evaluatie.aangemaakt_door,
            *(g for u in uitbreidingen.alle() for g in u.betrokkenen(evaluatie)),
        ]
    )
