"""Review of an afweging: sharing it with the gemeentesecretarissen of its deelnemende
gemeenten, their opmerkingen per deelvraag and the adviseur's answers, and the one formal
reactie per gemeente with the provincie's answer.

Each function is one action, in one transaction, and records what it did in the
afweging's history. Notifications go by e-mail after the commit (`afweging.meldingen`).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from afweging.meldingen import link, mail, naam
from afweging.models import Afweging
from afweging.services import NietToegestaan, status_onder_slot, vastleggen
from review.models import Deling, Opmerking, Reactie
from weergave.datums import datum


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
def delen(*, afweging: Afweging, gebruikers, door, reactietermijn: date | None = None) -> int:
    """Share with these gemeentesecretarissen, asking their gemeente's formal reactie by
    `reactietermijn` (inclusive; None: no termijn). Who has it already keeps their own."""
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Een vastgestelde afweging wordt niet meer gedeeld voor review.")
    nieuw = 0
    termijn = f"uiterlijk {datum(reactietermijn)}" if reactietermijn else "geen termijn"
    for gebruiker in gebruikers:
        _, gemaakt = Deling.objects.get_or_create(
            afweging=afweging,
            gebruiker=gebruiker,
            defaults={"gedeeld_door": door, "reactietermijn": reactietermijn},
        )
        if gemaakt:
            nieuw += 1
            vastleggen(afweging, door, f"Gedeeld met {naam(gebruiker)} (reactie: {termijn})")
            vraag = (
                f"Wij vragen de formele reactie van uw gemeente uiterlijk op "
                f"{datum(reactietermijn)}.\n\n"
                if reactietermijn
                else ""
            )
            mail(
                [gebruiker],
                f"Ter review: {afweging.titel}",
                f"{naam(door)} van de provincie {afweging.provincie} vraagt uw reactie op de "
                f"afweging ‘{afweging.titel}’.\n\n{vraag}U kunt opmerkingen per deelvraag "
                f"plaatsen en namens uw gemeente één formele reactie geven:\n{link(afweging)}\n",
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
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
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
    mail(ontvangers, onderwerp, f"{naam(auteur)} schreef:\n\n{tekst}\n\n{link(afweging)}\n")
    return opmerking


@transaction.atomic
def reactie_geven(*, afweging: Afweging, gemeente, auteur, standpunt: str, tekst: str) -> Reactie:
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
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
    mail(
        [afweging.aangemaakt_door],
        f"Reactie van {gemeente.naam}: {afweging.titel}",
        f"{naam(auteur)} gaf namens {gemeente.naam} een formele reactie "
        f"({reactie.get_standpunt_display().lower()}):\n\n{tekst}\n\n{link(afweging)}\n",
    )
    return reactie


@transaction.atomic
def reactie_beantwoorden(*, reactie: Reactie, door, tekst: str) -> Reactie:
    afweging = reactie.afweging
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Een vastgestelde afweging kan niet meer worden gewijzigd.")
    reactie.antwoord, reactie.beantwoord_door, reactie.beantwoord_op = tekst, door, timezone.now()
    Reactie.objects.filter(pk=reactie.pk).update(
        antwoord=tekst, beantwoord_door=door, beantwoord_op=reactie.beantwoord_op
    )
    vastleggen(afweging, door, f"Antwoord op de formele reactie van {reactie.gemeente.naam}")
    mail(
        [reactie.auteur],
        f"Antwoord op de reactie van {reactie.gemeente.naam}: {afweging.titel}",
        f"{naam(door)} antwoordde:\n\n{tekst}\n\n{link(afweging)}\n",
    )
    return reactie
