"""Sharing an afweging with gemeentesecretarissen, their comments and formal reactions,
the status from concept to vastgesteld, new versions, and the history of changes.

Each function is one action, in one transaction, and records what it did in the history.
Notifications go by e-mail (console backend by default, SMTP by settings).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from afweging import afwegingen as dienst
from afweging.models import (
    Afweging,
    Antwoord,
    Businesscase,
    BusinesscaseVariant,
    Deelnemer,
    Deling,
    Opmerking,
    Reactie,
    SuccesfactorAntwoord,
)

vastleggen = dienst.vastleggen


logger = logging.getLogger(__name__)


class NietToegestaan(Exception):
    pass


def _vergrendeld(afweging: Afweging) -> Afweging:
    """Re-read the afweging's status under a row lock, so an action and a vaststelling
    that run at the same time cannot both pass their checks."""
    vers = Afweging.objects.select_for_update().only("status").get(pk=afweging.pk)
    afweging.status = vers.status
    return afweging


def _naam(gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.username


def _mail(ontvangers, onderwerp: str, tekst: str) -> None:
    """Send after the transaction commits; a failing mail server never undoes the action,
    but is logged."""
    adressen = sorted({g.email for g in ontvangers if g.email})
    onderwerp = " ".join(onderwerp.split())  # A newline in a title may not break the header.
    if not adressen:
        return

    def verstuur():
        try:
            send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, adressen)
        except Exception:
            logger.exception("E-mail %r aan %s niet verstuurd", onderwerp, adressen)

    transaction.on_commit(verstuur)


def _link(afweging: Afweging) -> str:
    return settings.BASIS_URL.rstrip("/") + reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})


def kandidaat_reviewers(afweging: Afweging):
    """Gemeentesecretarissen of a deelnemende gemeente who do not have it yet."""
    from gebruikers.models import Gebruiker

    return (
        Gebruiker.objects.filter(
            groups__name="gemeentesecretaris",
            is_active=True,
            gemeenten__in=afweging.deelnemers.values("gemeente"),
        )
        .exclude(gedeelde_afwegingen__afweging=afweging)
        .distinct()
        .order_by("last_name", "username")
    )


@transaction.atomic
def delen(*, afweging: Afweging, gebruikers, door) -> int:
    if _vergrendeld(afweging).status == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Een vastgestelde afweging wordt niet meer gedeeld voor review.")
    nieuw = 0
    for gebruiker in gebruikers:
        _, gemaakt = Deling.objects.get_or_create(
            afweging=afweging, gebruiker=gebruiker, defaults={"gedeeld_door": door}
        )
        if gemaakt:
            nieuw += 1
            vastleggen(afweging, door, f"Gedeeld met {_naam(gebruiker)}")
            _mail(
                [gebruiker],
                f"Ter review: {afweging.titel}",
                f"{_naam(door)} van de provincie {afweging.provincie} vraagt uw reactie op de "
                f"afweging ‘{afweging.titel}’.\n\nU kunt opmerkingen per deelvraag plaatsen en "
                f"namens uw gemeente één formele reactie geven:\n{_link(afweging)}\n",
            )
    if nieuw and afweging.status == Afweging.Status.CONCEPT:
        Afweging.objects.filter(pk=afweging.pk).update(status=Afweging.Status.TER_REVIEW)
        afweging.status = Afweging.Status.TER_REVIEW
        vastleggen(afweging, door, "Status: ter review")
    return nieuw


@transaction.atomic
def opmerking_plaatsen(*, afweging: Afweging, deelvraag, auteur, tekst: str, antwoord_op=None):
    if antwoord_op is not None:
        deelvraag = antwoord_op.deelvraag  # An answer belongs where the comment is.
    if _vergrendeld(afweging).status == Afweging.Status.VASTGESTELD:
        raise NietToegestaan(
            "Op een vastgestelde afweging kunnen geen opmerkingen meer worden geplaatst."
        )
    opmerking = Opmerking.objects.create(
        afweging=afweging, deelvraag=deelvraag, auteur=auteur, tekst=tekst, antwoord_op=antwoord_op
    )
    if antwoord_op is None:
        vastleggen(afweging, auteur, f"Opmerking bij deelvraag {deelvraag.nummer}")
        ontvangers = [afweging.aangemaakt_door]
        onderwerp = f"Opmerking bij deelvraag {deelvraag.nummer}: {afweging.titel}"
    else:
        vastleggen(afweging, auteur, f"Antwoord op een opmerking bij deelvraag {deelvraag.nummer}")
        ontvangers = [antwoord_op.auteur]
        onderwerp = f"Antwoord op uw opmerking: {afweging.titel}"
    _mail(ontvangers, onderwerp, f"{_naam(auteur)} schreef:\n\n{tekst}\n\n{_link(afweging)}\n")
    return opmerking


@transaction.atomic
def reactie_geven(*, afweging: Afweging, gemeente, auteur, standpunt: str, tekst: str) -> Reactie:
    if _vergrendeld(afweging).status == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Op een vastgestelde afweging kan niet meer worden gereageerd.")
    reactie, nieuw = Reactie.objects.update_or_create(
        afweging=afweging,
        gemeente=gemeente,
        defaults={"auteur": auteur, "standpunt": standpunt, "tekst": tekst},
    )
    vastleggen(
        afweging,
        auteur,
        f"{'Formele reactie' if nieuw else 'Formele reactie gewijzigd'} namens {gemeente.naam}: "
        f"{reactie.get_standpunt_display().lower()}",
    )
    _mail(
        [afweging.aangemaakt_door],
        f"Reactie van {gemeente.naam}: {afweging.titel}",
        f"{_naam(auteur)} gaf namens {gemeente.naam} een formele reactie "
        f"({reactie.get_standpunt_display().lower()}):\n\n{tekst}\n\n{_link(afweging)}\n",
    )
    return reactie


@transaction.atomic
def reactie_beantwoorden(*, reactie: Reactie, door, tekst: str) -> Reactie:
    afweging = reactie.afweging
    if _vergrendeld(afweging).status == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Een vastgestelde afweging kan niet meer worden gewijzigd.")
    reactie.antwoord, reactie.beantwoord_door, reactie.beantwoord_op = tekst, door, timezone.now()
    Reactie.objects.filter(pk=reactie.pk).update(
        antwoord=tekst, beantwoord_door=door, beantwoord_op=reactie.beantwoord_op
    )
    vastleggen(afweging, door, f"Antwoord op de formele reactie van {reactie.gemeente.naam}")
    _mail(
        [reactie.auteur],
        f"Antwoord op de reactie van {reactie.gemeente.naam}: {afweging.titel}",
        f"{_naam(door)} antwoordde:\n\n{tekst}\n\n{_link(afweging)}\n",
    )
    return reactie


@transaction.atomic
def vaststellen(*, afweging: Afweging, versie: int, door) -> Afweging:
    """Freeze the afweging and keep its PDF as it is now, so it can be reproduced."""
    from afweging.rapport import rapport_van
    from config.pdf import render_to_pdf

    if _vergrendeld(afweging).status == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Deze afweging is al vastgesteld.")

    def opslaan():
        nu = timezone.now()
        afweging.status = Afweging.Status.VASTGESTELD
        afweging.vastgesteld_op = nu
        afweging.vastgesteld_door = door
        _, pdf = render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
        Afweging.objects.filter(pk=afweging.pk).update(
            status=afweging.status, vastgesteld_op=nu, vastgesteld_door=door, vastgestelde_pdf=pdf
        )
        vastleggen(afweging, door, "Status: vastgesteld")
        delingen = afweging.delingen.select_related("gebruiker")
        _mail(
            [d.gebruiker for d in delingen] + [afweging.aangemaakt_door],
            f"Vastgesteld: {afweging.titel}",
            f"De afweging ‘{afweging.titel}’ is vastgesteld door {_naam(door)}.\n{_link(afweging)}\n",
        )

    return dienst.stap_opslaan(afweging=afweging, versie=versie, door=door, opslaan=opslaan)


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
    # Reviewers keep access to the next version of what they reviewed.
    for model in (Deelnemer, Antwoord, SuccesfactorAntwoord, Deling):
        rijen = list(model.objects.filter(afweging_id=oud_pk))
        for rij in rijen:
            rij.pk = None
            rij.afweging = kopie
        model.objects.bulk_create(rijen)
    oud_bc = Businesscase.objects.filter(afweging_id=oud_pk).first()
    if oud_bc is not None:
        varianten = list(oud_bc.varianten.all())
        oud_bc.pk = None
        oud_bc.afweging = kopie
        oud_bc.save()
        for variant in varianten:
            variant.pk = None
            variant.businesscase = oud_bc
        BusinesscaseVariant.objects.bulk_create(varianten)
    vastleggen(kopie, door, f"Nieuwe versie van de vastgestelde afweging {oud_pk}")
    vastleggen(afweging, door, f"Nieuwe versie gemaakt: afweging {kopie.pk}")
    return kopie
