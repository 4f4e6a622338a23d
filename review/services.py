"""Review of an afweging: sharing it with the gemeentesecretarissen of its deelnemende
gemeenten, their opmerkingen per deelvraag and the adviseur's answers, and the one formal
reactie per gemeente with the provincie's answer.

Each function is one action, in one transaction, and records what it did in the
afweging's history. Notifications go by e-mail after the commit (`afweging.meldingen`).
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from afweging.meldingen import link, mail, naam
from afweging.models import Afweging
from afweging.services import NietToegestaan, status_onder_slot, vastleggen, versie_ophogen
from review.models import Deling, Opmerking, Reactie
from review.toegang import met_toegang
from weergave.datums import datum


class ReactieConflict(Exception):
    """Someone changed (or gave) the gemeente's reactie after the form was opened."""

    def __init__(self, reactie: Reactie, *, nieuw: bool = False):
        self.reactie = reactie
        moment = timezone.localtime(reactie.gegeven).strftime("%H:%M")
        wat = "een reactie gegeven" if nieuw else "de reactie gewijzigd"
        super().__init__(
            f"{naam(reactie.auteur)} heeft om {moment} namens {reactie.gemeente.naam} {wat}, "
            "nadat u deze pagina opende. Uw tekst is niet vastgelegd en staat nog in het "
            "formulier; de reactie zoals die nu is, staat erboven. Neem over wat u wilt "
            "bewaren en leg de reactie dan opnieuw vast: dan vervangt uw tekst de huidige."
        )


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
        # Not to a maker who no longer reads it (moved to another provincie).
        ontvangers = met_toegang([afweging.aangemaakt_door], afweging)
        onderwerp = f"Opmerking bij deelvraag {deelvraag.nummer}: {afweging.titel}"
    else:
        vastleggen(afweging, auteur, f"Antwoord op een opmerking bij deelvraag {deelvraag.nummer}")
        # Not to a reviewer who no longer reads the afweging (moved to another gemeente).
        ontvangers = met_toegang([antwoord_op.auteur], afweging)
        onderwerp = f"Antwoord op uw opmerking: {afweging.titel}"
    mail(ontvangers, onderwerp, f"{naam(auteur)} schreef:\n\n{tekst}\n\n{link(afweging)}\n")
    return opmerking


@transaction.atomic
def reactie_geven(
    *, afweging: Afweging, gemeente, auteur, standpunt: str, tekst: str,
    versie: int | None = None, ontvangen_per: str = "",
) -> Reactie:  # fmt: skip
    """Give or amend the gemeente's one formal reactie.

    `versie` is the version of the reactie the form showed (0: none yet); a reactie changed
    or given by someone else since is a `ReactieConflict`, and nothing is written. None (a
    script) replaces whatever is there. `ontvangen_per` ("brief", "email"): an adviseur
    records a reactie the gemeente sent outside Fusietoets. An amendment after the
    provincie answered keeps the text that answer was about.
    """
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Op een vastgestelde afweging kan niet meer worden gereageerd.")
    bestaand = (
        Reactie.objects.select_for_update(of=("self",))
        .select_related("gemeente", "auteur")
        .filter(afweging=afweging, gemeente=gemeente)
        .first()
    )
    if bestaand is None:
        try:
            with transaction.atomic():
                reactie = Reactie.objects.create(
                    afweging=afweging, gemeente=gemeente, auteur=auteur, standpunt=standpunt,
                    tekst=tekst, ontvangen_per=ontvangen_per,
                    # The run of the giver's own saves starts at "none yet" (version 0):
                    # their own second tab, opened before, is no conflict.
                    eigen_sinds=0,
                )  # fmt: skip
        except IntegrityError as fout:  # Given by someone else a moment ago.
            raise ReactieConflict(
                Reactie.objects.select_related("gemeente", "auteur").get(
                    afweging=afweging, gemeente=gemeente
                ),
                nieuw=True,
            ) from fout
        nieuw, eerder_beantwoord = True, False
    else:
        if (bestaand.standpunt, bestaand.tekst, bestaand.ontvangen_per) == (
            standpunt, tekst, ontvangen_per,
        ):  # fmt: skip
            return bestaand  # Nothing changed: nothing to record, nobody to tell.
        if versie is None:
            versie = bestaand.versie
        if not versie_ophogen(
            Reactie, bestaand.pk, versie, auteur, door_veld="auteur", moment_veld="gegeven"
        ):
            raise ReactieConflict(
                Reactie.objects.select_related("gemeente", "auteur").get(pk=bestaand.pk),
                nieuw=versie == 0,
            )
        velden = {"standpunt": standpunt, "tekst": tekst, "ontvangen_per": ontvangen_per}
        if (standpunt, tekst) == (bestaand.eerder_standpunt, bestaand.eerdere_tekst):
            # Back to what the answer was about: the answer fits again.
            velden |= {"eerdere_tekst": "", "eerder_standpunt": ""}
        elif bestaand.antwoord and not bestaand.eerdere_tekst:
            # The first change after the answer: keep what the answer was about.
            velden |= {"eerdere_tekst": bestaand.tekst, "eerder_standpunt": bestaand.standpunt}
        Reactie.objects.filter(pk=bestaand.pk).update(**velden)
        reactie = Reactie.objects.select_related("gemeente", "auteur").get(pk=bestaand.pk)
        nieuw, eerder_beantwoord = False, bool(bestaand.antwoord)
    standpunt_tekst = reactie.get_standpunt_display().lower()
    hoe = f" (ontvangen per {reactie.get_ontvangen_per_display()})" if ontvangen_per else ""
    vastleggen(
        afweging,
        auteur,
        f"{'Formele reactie' if nieuw else 'Formele reactie gewijzigd'} namens "
        f"{gemeente.naam}{hoe}: {standpunt_tekst}",
    )
    na_antwoord = (
        "\n\nDe provincie had al geantwoord; dat antwoord gaat nu over de eerdere versie.\n"
        if eerder_beantwoord
        else ""
    )
    if auteur.pk != afweging.aangemaakt_door_id:
        mail(
            met_toegang([afweging.aangemaakt_door], afweging),
            f"Reactie van {gemeente.naam}: {afweging.titel}",
            f"{naam(auteur)} {'gaf' if nieuw else 'wijzigde'} namens {gemeente.naam} een formele "
            f"reactie ({standpunt_tekst}):\n\n{tekst}{na_antwoord}\n\n{link(afweging)}\n",
        )
    if ontvangen_per:
        # The gemeente's own reviewers hear what was recorded in its name.
        mail(
            [d.gebruiker for d in afweging.delingen.filter(gebruiker__gemeenten=gemeente)
             .select_related("gebruiker")],
            f"Reactie namens {gemeente.naam} vastgelegd: {afweging.titel}",
            f"{naam(auteur)} legde de reactie van {gemeente.naam} vast die de provincie per "
            f"{reactie.get_ontvangen_per_display()} ontving ({standpunt_tekst}):\n\n{tekst}\n\n"
            f"{link(afweging)}\n",
        )  # fmt: skip
    return reactie


@transaction.atomic
def reactie_beantwoorden(*, reactie: Reactie, door, tekst: str) -> Reactie:
    afweging = reactie.afweging
    if status_onder_slot(afweging) == Afweging.Status.VASTGESTELD:
        raise NietToegestaan("Een vastgestelde afweging kan niet meer worden gewijzigd.")
    reactie.antwoord, reactie.beantwoord_door, reactie.beantwoord_op = tekst, door, timezone.now()
    # The answer is about the reactie as it is now.
    reactie.eerdere_tekst = reactie.eerder_standpunt = ""
    Reactie.objects.filter(pk=reactie.pk).update(
        antwoord=tekst, beantwoord_door=door, beantwoord_op=reactie.beantwoord_op,
        eerdere_tekst="", eerder_standpunt="",
    )  # fmt: skip
    vastleggen(afweging, door, f"Antwoord op de formele reactie van {reactie.gemeente.naam}")
    mail(
        met_toegang([reactie.auteur], afweging),
        f"Antwoord op de reactie van {reactie.gemeente.naam}: {afweging.titel}",
        f"{naam(door)} antwoordde:\n\n{tekst}\n\n{link(afweging)}\n",
    )
    return reactie


@transaction.atomic
def delen_stoppen(*, deling: Deling, door) -> None:
    """The reviewer loses access to the afweging. What they wrote (opmerkingen, their
    gemeente's reactie) stays: it is part of the afweging's review."""
    afweging = deling.afweging
    Deling.objects.filter(pk=deling.pk).delete()
    vastleggen(afweging, door, f"Delen gestopt met {naam(deling.gebruiker)}")
    mail(
        [deling.gebruiker],
        f"Niet meer gedeeld: {afweging.titel}",
        f"{naam(door)} van de provincie {afweging.provincie} heeft het delen van de afweging "
        f"‘{afweging.titel}’ met u gestopt. U kunt haar niet meer openen. Wat u schreef "
        "(opmerkingen en de formele reactie van uw gemeente) blijft in de afweging staan.\n",
    )
