"""Writing evaluaties: start one, and save the oordelen of a domein under the optimistic lock;
and record the afloop of an assessed fusion.

The lock is the afweging's (`afweging.services.versie_ophogen`, `mag_opslaan_vanaf`): every
save names the version it was based on; a colleague's save in between refuses it with
`Conflict` and writes nothing, one's own earlier saves (another tab, a reload while an
autosave was under way) are no conflict. Each function is one action in one transaction,
so the actions of a later slice (ter review, vaststellen) fit beside them.

An evaluatie started from an afweging is recorded in the afweging's history, as an afloop
is: the afweging's pages are keyed on that history, so its uitkomst page lists the new
evaluatie at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from afweging.geschiedenis import in_woorden, veranderingen
from afweging.models import Afweging
from afweging.services import (
    Conflict,
    NietToegestaan,
    status_onder_slot,
    vastleggen,
    versie_ophogen,
)
from casussen.models import Gemeente
from evaluatie.models import Afloop, Evaluatie, Indicatoroordeel
from evaluatie.selectors import nieuwere_vastgestelde_versie
from kader.models import Evaluatieindicator
from kader.versies import actief_evaluatiekader
from weergave.datums import datum
from weergave.datums import datum as datum_tekst

ONDERWERP = "deze evaluatie"
VASTGESTELD = (
    "Deze evaluatie is vastgesteld en verandert niet meer. Uw wijzigingen zijn niet "
    "opgeslagen, maar staan hieronder nog: kopieer wat u wilt bewaren."
)


class KaderOntbreekt(Exception):
    pass


@transaction.atomic
def evaluatie_aanmaken(
    *,
    door,
    titel: str,
    peildatum: date,
    gemeenten: Iterable[Gemeente],
    startdatum_fusie: date | None = None,
    fusieorganisatie=None,
    afweging=None,
) -> Evaluatie:
    """A new evaluatie, led by the provincie of `door`, pinned to the active evaluatiekader,
    with an empty oordeel for each of its indicators."""
    kader = actief_evaluatiekader()
    if kader is None:
        raise KaderOntbreekt(
            "Er is geen gepubliceerd evaluatiekader; vraag de beheerder de referentiegegevens "
            "te laden."
        )
    evaluatie = Evaluatie.objects.create(
        titel=titel,
        provincie=door.provincie,
        kader=kader,
        fusieorganisatie=fusieorganisatie,
        afweging=afweging,
        startdatum_fusie=startdatum_fusie,
        peildatum=peildatum,
        aangemaakt_door=door,
        gewijzigd_door=door,
    )
    evaluatie.gemeenten.set(list(gemeenten))
    Indicatoroordeel.objects.bulk_create(
        Indicatoroordeel(evaluatie=evaluatie, indicator=indicator)
        for indicator in Evaluatieindicator.objects.filter(domein__kader=kader)
    )
    vastleggen(
        evaluatie, door, f"Evaluatie gestart: {titel} (peildatum {datum(peildatum)}, "
        f"evaluatiekader versie {kader.versie})",
    )  # fmt: skip
    if afweging is not None:
        # In the afweging's history: its uitkomst page, which lists the evaluaties of its
        # fusion, is keyed on that history (afweging.selectors.stand).
        vastleggen(
            afweging, door, f"Evaluatie gestart: {titel} (peildatum {datum(peildatum)})",
            evaluatie=evaluatie.pk,
        )  # fmt: skip
    return evaluatie


def _vergrendel(evaluatie: Evaluatie, versie: int, door) -> None:
    """Raise the evaluatie's version if a save may go ahead from `versie` (one's own saves
    in between are no conflict); otherwise raise Conflict. A vastgestelde evaluatie is
    refused first, under a row lock, so a vaststelling at the same moment cannot slip by."""
    if status_onder_slot(evaluatie) == Evaluatie.Status.VASTGESTELD:
        raise NietToegestaan(VASTGESTELD)
    if not versie_ophogen(Evaluatie, evaluatie.pk, versie, door):
        raise Conflict(
            Evaluatie.objects.select_related("gewijzigd_door").get(pk=evaluatie.pk), ONDERWERP
        )
    evaluatie.versie, evaluatie.eigen_sinds, evaluatie.gewijzigd = Evaluatie.objects.values_list(
        "versie", "eigen_sinds", "gewijzigd"
    ).get(pk=evaluatie.pk)
    evaluatie.gewijzigd_door = door


@transaction.atomic
def oordelen_opslaan(*, evaluatie: Evaluatie, formset, versie: int, door) -> bool:
    """Save the changed oordelen of a valid formset (one domein) under the optimistic lock;
    say whether anything changed. Nothing changed: nothing is written and the version stays
    (the view checked the version before, as the afweging's step does)."""
    gewijzigd = [form for form in formset.forms if form.has_changed()]
    if not gewijzigd:
        return False
    _vergrendel(evaluatie, versie, door)
    delen, details = [], []
    for form in gewijzigd:
        regels = veranderingen(form)
        form.save()
        indicator = form.instance.indicator
        # Two indicators of a domein may share their text: the number tells them apart, as
        # on the domein's page and in the opmerkingen (review).
        wat = f"{indicator.domein.naam}, indicator {indicator.volgorde} ‘{indicator.naam}’"
        delen.append(f"{wat}: {in_woorden(regels)}")
        details.append({"wat": wat, "velden": regels})
    # Autosave while typing writes the same line each time: vastleggen merges those.
    vastleggen(evaluatie, door, "; ".join(delen), wijzigingen=details)
    return True


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
