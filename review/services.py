"""Review of an afweging or an evaluatie (its `onderwerp`, review/onderwerp.py): sharing it
with the gemeentesecretarissen of its deelnemende gemeenten, their opmerkingen per deelvraag
or indicator and the adviseur's answers, and the one formal reactie per gemeente with the
provincie's answer.

Each function is one action, in one transaction, and records what it did in the history of
what is reviewed. Notifications go by e-mail after the commit (`afweging.meldingen`).
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from afweging.meldingen import mail, naam
from afweging.models import Beoordeling
from afweging.services import NietToegestaan, status_onder_slot, vastleggen, versie_ophogen
from review.models import Deling, Opmerking, Reactie
from review.onderwerp import Onderwerp, onderwerp_van
from weergave.datums import datum

VASTGESTELD = Beoordeling.Status.VASTGESTELD


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


def kandidaat_reviewers(rij):
    """Gemeentesecretarissen of a deelnemende gemeente who do not have it yet."""
    from gebruikers.models import Gebruiker

    onderwerp = onderwerp_van(rij)
    al_gedeeld = Deling.objects.filter(**onderwerp.filter()).values("gebruiker")
    return (
        Gebruiker.objects.filter(
            groups__name="gemeentesecretaris",
            is_active=True,
            gemeenten__in=onderwerp.gemeenten(),
        )
        .exclude(pk__in=al_gedeeld)
        .distinct()
        .order_by("last_name", "username")
    )


def _open(onderwerp: Onderwerp, melding: str) -> None:
    """Refuse the action once it is vastgesteld (read under a row lock)."""
    if status_onder_slot(onderwerp.rij) == VASTGESTELD:
        raise NietToegestaan(melding.format(woord=onderwerp.woord))


@transaction.atomic
def delen(*, onderwerp, gebruikers, door, reactietermijn: date | None = None) -> int:
    """Share with these gemeentesecretarissen, asking their gemeente's formal reactie by
    `reactietermijn` (inclusive; None: no termijn). Who has it already keeps their own."""
    onderwerp = onderwerp_van(onderwerp)
    rij = onderwerp.rij
    _open(onderwerp, "Een vastgestelde {woord} wordt niet meer gedeeld voor review.")
    nieuw = 0
    termijn = f"uiterlijk {datum(reactietermijn)}" if reactietermijn else "geen termijn"
    for gebruiker in gebruikers:
        _, gemaakt = Deling.objects.get_or_create(
            **onderwerp.filter(),
            gebruiker=gebruiker,
            defaults={"gedeeld_door": door, "reactietermijn": reactietermijn},
        )
        if gemaakt:
            nieuw += 1
            vastleggen(rij, door, f"Gedeeld met {naam(gebruiker)} (reactie: {termijn})")
            vraag = (
                f"Wij vragen de formele reactie van uw gemeente uiterlijk op "
                f"{datum(reactietermijn)}.\n\n"
                if reactietermijn
                else ""
            )
            mail(
                [gebruiker],
                f"Ter review: {rij.titel}",
                f"{naam(door)} van de provincie {rij.provincie} vraagt uw reactie op de "
                f"{onderwerp.woord} ‘{rij.titel}’.\n\n{vraag}U kunt opmerkingen per "
                f"{onderwerp.plekveld} plaatsen en namens uw gemeente één formele reactie "
                f"geven:\n{onderwerp.link()}\n",
            )
    if nieuw and rij.status == Beoordeling.Status.CONCEPT:
        type(rij).objects.filter(pk=rij.pk).update(status=Beoordeling.Status.TER_REVIEW)
        rij.status = Beoordeling.Status.TER_REVIEW
        vastleggen(rij, door, "Status: ter review")
    return nieuw


@transaction.atomic
def opmerking_plaatsen(*, onderwerp, plek, auteur, tekst: str, antwoord_op=None):
    """An opmerking at `plek` (a deelvraag of an afweging, an indicator of an evaluatie), or
    an answer to one."""
    onderwerp = onderwerp_van(onderwerp)
    rij = onderwerp.rij
    if antwoord_op is not None:
        plek = onderwerp.plek(antwoord_op)  # An answer belongs where the comment is.
    _open(onderwerp, "Op een vastgestelde {woord} kunnen geen opmerkingen meer worden geplaatst.")
    opmerking = Opmerking.objects.create(
        **onderwerp.filter(), **{onderwerp.plekveld: plek}, auteur=auteur, tekst=tekst,
        antwoord_op=antwoord_op,
    )  # fmt: skip
    waar = onderwerp.plek_naam(plek)
    if antwoord_op is None:
        vastleggen(rij, auteur, f"Opmerking bij {waar}")
        # Not to a maker who no longer reads it (moved to another provincie).
        ontvangers = onderwerp.met_toegang([rij.aangemaakt_door])
        titel = f"Opmerking bij {waar}: {rij.titel}"
    else:
        vastleggen(rij, auteur, f"Antwoord op een opmerking bij {waar}")
        # Not to a reviewer who no longer reads it (moved to another gemeente).
        ontvangers = onderwerp.met_toegang([antwoord_op.auteur])
        titel = f"Antwoord op uw opmerking: {rij.titel}"
    mail(ontvangers, titel, f"{naam(auteur)} schreef:\n\n{tekst}\n\n{onderwerp.link()}\n")
    return opmerking


@transaction.atomic
def reactie_geven(
    *, onderwerp, gemeente, auteur, standpunt: str, tekst: str,
    versie: int | None = None, ontvangen_per: str = "",
) -> Reactie:  # fmt: skip
    """Give or amend the gemeente's one formal reactie.

    `versie` is the version of the reactie the form showed (0: none yet); a reactie changed
    or given by someone else since is a `ReactieConflict`, and nothing is written. None (a
    script) replaces whatever is there. `ontvangen_per` ("brief", "email"): an adviseur
    records a reactie the gemeente sent outside Fusietoets. An amendment after the
    provincie answered keeps the text that answer was about.
    """
    onderwerp = onderwerp_van(onderwerp)
    rij = onderwerp.rij
    _open(onderwerp, "Op een vastgestelde {woord} kan niet meer worden gereageerd.")
    van_gemeente = {**onderwerp.filter(), "gemeente": gemeente}
    bestaand = (
        Reactie.objects.select_for_update(of=("self",))
        .select_related("gemeente", "auteur")
        .filter(**van_gemeente)
        .first()
    )
    if bestaand is None:
        try:
            with transaction.atomic():
                reactie = Reactie.objects.create(
                    **van_gemeente, auteur=auteur, standpunt=standpunt,
                    tekst=tekst, ontvangen_per=ontvangen_per,
                    # The run of the giver's own saves starts at "none yet" (version 0):
                    # their own second tab, opened before, is no conflict.
                    eigen_sinds=0,
                )  # fmt: skip
        except IntegrityError as fout:  # Given by someone else a moment ago.
            raise ReactieConflict(
                Reactie.objects.select_related("gemeente", "auteur").get(**van_gemeente),
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
        rij,
        auteur,
        f"{'Formele reactie' if nieuw else 'Formele reactie gewijzigd'} namens "
        f"{gemeente.naam}{hoe}: {standpunt_tekst}",
    )
    na_antwoord = (
        "\n\nDe provincie had al geantwoord; dat antwoord gaat nu over de eerdere versie.\n"
        if eerder_beantwoord
        else ""
    )
    if auteur.pk != rij.aangemaakt_door_id:
        mail(
            onderwerp.met_toegang([rij.aangemaakt_door]),
            f"Reactie van {gemeente.naam}: {rij.titel}",
            f"{naam(auteur)} {'gaf' if nieuw else 'wijzigde'} namens {gemeente.naam} een formele "
            f"reactie ({standpunt_tekst}):\n\n{tekst}{na_antwoord}\n\n{onderwerp.link()}\n",
        )
    if ontvangen_per:
        # The gemeente's own reviewers hear what was recorded in its name.
        mail(
            [d.gebruiker for d in Deling.objects.filter(**onderwerp.filter(),
             gebruiker__gemeenten=gemeente).select_related("gebruiker")],
            f"Reactie namens {gemeente.naam} vastgelegd: {rij.titel}",
            f"{naam(auteur)} legde de reactie van {gemeente.naam} vast die de provincie per "
            f"{reactie.get_ontvangen_per_display()} ontving ({standpunt_tekst}):\n\n{tekst}\n\n"
            f"{onderwerp.link()}\n",
        )  # fmt: skip
    return reactie


@transaction.atomic
def reactie_beantwoorden(*, reactie: Reactie, door, tekst: str) -> Reactie:
    onderwerp = onderwerp_van(reactie.afweging or reactie.evaluatie)
    rij = onderwerp.rij
    _open(onderwerp, "Een vastgestelde {woord} kan niet meer worden gewijzigd.")
    reactie.antwoord, reactie.beantwoord_door, reactie.beantwoord_op = tekst, door, timezone.now()
    # The answer is about the reactie as it is now.
    reactie.eerdere_tekst = reactie.eerder_standpunt = ""
    Reactie.objects.filter(pk=reactie.pk).update(
        antwoord=tekst, beantwoord_door=door, beantwoord_op=reactie.beantwoord_op,
        eerdere_tekst="", eerder_standpunt="",
    )  # fmt: skip
    vastleggen(rij, door, f"Antwoord op de formele reactie van {reactie.gemeente.naam}")
    mail(
        onderwerp.met_toegang([reactie.auteur]),
        f"Antwoord op de reactie van {reactie.gemeente.naam}: {rij.titel}",
        f"{naam(door)} antwoordde:\n\n{tekst}\n\n{onderwerp.link()}\n",
    )
    return reactie


@transaction.atomic
def delen_stoppen(*, deling: Deling, door) -> None:
    """The reviewer loses access. What they wrote (opmerkingen, their gemeente's reactie)
    stays: it is part of the review."""
    onderwerp = onderwerp_van(deling.afweging or deling.evaluatie)
    rij = onderwerp.rij
    Deling.objects.filter(pk=deling.pk).delete()
    vastleggen(rij, door, f"Delen gestopt met {naam(deling.gebruiker)}")
    mail(
        [deling.gebruiker],
        f"Niet meer gedeeld: {rij.titel}",
        f"{naam(door)} van de provincie {rij.provincie} heeft het delen van de {onderwerp.woord} "
        f"‘{rij.titel}’ met u gestopt. U kunt haar niet meer openen. Wat u schreef "
        f"(opmerkingen en de formele reactie van uw gemeente) blijft in de {onderwerp.woord} "
        "staan.\n",
    )
