"""Writing for the evaluatie app: one action, one transaction (HackSoft)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from afweging.models import Afweging
from afweging.services import status_onder_slot, vastleggen
from evaluatie.models import Afloop
from evaluatie.selectors import nieuwere_vastgestelde_versie
from weergave.datums import datum as datum_tekst


class NietToegestaan(Exception):
    """The afloop cannot be recorded on this afweging; the message says why, in Dutch."""


def waarom_geen_afloop(afweging: Afweging) -> str:
    """Why no afloop can be recorded on this afweging, or '' when it can: only on a
    vastgestelde afweging that is no voorbeeld, and only on the latest vastgestelde
    version of its chain (one fusion, one place for its afloop)."""
    if afweging.is_voorbeeld:
        return (
            "De voorbeeldafweging is fictief; van haar wordt geen afloop vastgelegd en zij telt "
            "niet mee in de terugblik."
        )
    if afweging.status != Afweging.Status.VASTGESTELD:
        return (
            "De afloop van een fusie legt u vast bij een vastgestelde afweging; deze afweging "
            "is nog niet vastgesteld."
        )
    if nieuwere_vastgestelde_versie(afweging) is not None:
        return (
            "Er is een nieuwere vastgestelde versie van deze afweging; leg de afloop daar vast, "
            "zodat de fusie één keer telt."
        )
    return ""


@transaction.atomic
def afloop_vastleggen(
    *, afweging: Afweging, door, soort: str, datum: date, bron: str, toelichting: str = ""
) -> Afloop:
    """Record what became of the fusion, in the afweging's history. The same afloop posted
    twice (a double click, a reload) is recorded once."""
    status_onder_slot(afweging)  # A vaststelling in the same moment is settled first.
    if reden := waarom_geen_afloop(afweging):
        raise NietToegestaan(reden)
    bestaand = Afloop.objects.filter(
        afweging=afweging, soort=soort, datum=datum, bron=bron, toelichting=toelichting
    ).first()
    if bestaand is not None:
        return bestaand
    afloop = Afloop.objects.create(
        afweging=afweging,
        soort=soort,
        datum=datum,
        bron=bron,
        toelichting=toelichting,
        vastgelegd_door=door,
    )
    # Numbered, so that two aflopen recorded within a quarter of an hour stay two entries
    # (vastleggen merges the same line by the same person).
    nummer = Afloop.objects.filter(afweging=afweging, pk__lte=afloop.pk).count()
    vastleggen(
        afweging,
        door,
        f"Afloop {nummer} vastgelegd: {afloop.get_soort_display().lower()} op "
        f"{datum_tekst(datum)}; bron: {bron}",
        afloop=afloop.pk,
    )
    return afloop
