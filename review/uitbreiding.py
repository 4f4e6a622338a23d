"""What review adds to an afweging (see `afweging.uitbreidingen`) and to an evaluatie
(`evaluatie.uitbreidingen`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from afweging.models import Afweging, Deelnemer
from afweging.selectors import nieuw_voor
from afweging.toegang import is_eigenaar
from afweging.uitbreidingen import Controlepunt, Nieuw, Uitbreiding, Wachtpunt
from evaluatie.models import Evaluatie
from evaluatie.uitbreidingen import Evaluatieuitbreiding
from gebruikers.models import Gebruiker
from review.models import Deling, Opmerking, Reactie
from review.onderwerp import onderwerp_van
from review.toegang import gedeelde_afwegingen, gedeelde_evaluaties, geldige_delingen
from weergave.getallen import opsomming


@dataclass(frozen=True)
class _Soort:
    """One kind of thing the start page counts as new: which rows, their moment and who
    made them, the words for one and for more, and where on the afweging's page it is."""

    soort: str
    rijen: Callable[[list[int]], QuerySet]
    moment: str
    door: str
    enkelvoud: str
    meervoud: str
    anker: str


_NIEUW = (
    _Soort("opmerkingen", lambda ids: Opmerking.objects.filter(afweging_id__in=ids, antwoord_op=None),
           "geplaatst", "auteur", "nieuwe opmerking", "nieuwe opmerkingen", "#opmerkingen-kop"),
    _Soort("antwoorden",
           lambda ids: Opmerking.objects.filter(afweging_id__in=ids, antwoord_op__isnull=False),
           "geplaatst", "auteur", "nieuw antwoord op een opmerking",
           "nieuwe antwoorden op opmerkingen", "#opmerkingen-kop"),
    # `gegeven` moves when a reactie is changed: a changed reactie is new again.
    _Soort("reacties", lambda ids: Reactie.objects.filter(afweging_id__in=ids),
           "gegeven", "auteur", "nieuwe of gewijzigde reactie", "nieuwe of gewijzigde reacties",
           "#reacties-kop"),
    _Soort("reactie-antwoorden",
           lambda ids: Reactie.objects.filter(afweging_id__in=ids, beantwoord_op__isnull=False),
           "beantwoord_op", "beantwoord_door", "nieuw antwoord op een reactie",
           "nieuwe antwoorden op reacties", "#reacties-kop"),
)  # fmt: skip


class Review(Uitbreiding):
    naam = "review"

    def bij_deelnemers_weg(self, afweging, *, gebleven):
        # A gemeente that no longer takes part loses its reviewers and its formal reaction.
        afweging.delingen.exclude(gebruiker__gemeenten__in=gebleven).delete()
        afweging.reacties.exclude(gemeente_id__in=gebleven).delete()

    def bij_nieuwe_versie(self, *, oud, kopie):
        # Reviewers keep access to the next version of what they reviewed. The termijn
        # does not carry over: the new version asks anew.
        Deling.objects.bulk_create(
            Deling(afweging=kopie, gebruiker_id=d.gebruiker_id, gedeeld_door_id=d.gedeeld_door_id)
            for d in Deling.objects.filter(afweging_id=oud.pk)
        )

    def betrokkenen(self, afweging):
        # A reviewer moved to a gemeente outside the afweging no longer reads it.
        delingen = geldige_delingen(afweging.delingen.all()).select_related("gebruiker")
        return [d.gebruiker for d in delingen]

    def zichtbaar(self, gebruiker):
        if gebruiker.is_gemeentesecretaris:
            # Shared with them, and they work for one of its deelnemers now.
            return Q(pk__in=gedeelde_afwegingen(gebruiker))
        return None

    def pagina_deel(self, pagina):
        from review.pagina import Reviewdeel

        return Reviewdeel(pagina)

    def controlepunten(self, afweging):
        uitkomst = reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})
        return controlepunten(
            afweging, delen=uitkomst + "#beheer-kop", opmerkingen=uitkomst + "#scores-kop",
            reacties=uitkomst + "#reacties-kop",
        )  # fmt: skip

    def nieuw(self, gebruiker, afwegingen):
        """Every kind for every afweging, also when none is new, so that each list has
        the same order (one query per kind)."""
        ids = [a.pk for a in afwegingen]
        if not ids:
            return {}
        tellingen = {
            soort.soort: dict(
                nieuw_voor(gebruiker, soort.rijen(ids), moment=soort.moment, door=soort.door)
                .values("afweging_id")
                .annotate(aantal=Count("pk"))
                .order_by()
                .values_list("afweging_id", "aantal")
            )
            for soort in _NIEUW
        }
        return {
            pk: [
                Nieuw(s.soort, tellingen[s.soort].get(pk, 0), s.enkelvoud, s.meervoud, s.anker)
                for s in _NIEUW
            ]
            for pk in ids
        }

    def wacht_op(self, gebruiker, afwegingen):
        """The formal reacties not yet given by the deelnemende gemeenten that were asked
        (shared with one of their current secretarissen). The adviseur of the afweging's
        provincie sees every gemeente's, by the latest termijn set for its secretarissen
        (one who was asked later may have been given more time); a secretaris sees only
        those of their own current gemeenten, by the termijn given to them. A vastgestelde
        afweging waits for nothing."""
        lopend = {a.pk: a for a in afwegingen if a.status != Afweging.Status.VASTGESTELD}
        delingen = list(
            Deling.objects.filter(afweging_id__in=list(lopend)).values_list(
                "afweging_id", "gebruiker_id", "reactietermijn"
            )
        )
        if not delingen:
            return []
        Koppeling = Gebruiker.gemeenten.through
        gemeenten_van = defaultdict(set)
        for gebruiker_id, gemeente_id in Koppeling.objects.filter(
            gebruiker_id__in={d[1] for d in delingen}
        ).values_list("gebruiker_id", "gemeente_id"):
            gemeenten_van[gebruiker_id].add(gemeente_id)
        gegeven = set(
            Reactie.objects.filter(afweging_id__in=list(lopend)).values_list(
                "afweging_id", "gemeente_id"
            )
        )
        punten = []
        for afweging_id, gemeente_id, naam in (
            Deelnemer.objects.filter(afweging_id__in=list(lopend))
            .order_by("gemeente__naam")
            .values_list("afweging_id", "gemeente_id", "gemeente__naam")
        ):
            if (afweging_id, gemeente_id) in gegeven:
                continue
            gevraagd = [
                (gebruiker_id, termijn)
                for a, gebruiker_id, termijn in delingen
                if a == afweging_id and gemeente_id in gemeenten_van[gebruiker_id]
            ]
            if not is_eigenaar(gebruiker, lopend[afweging_id]):
                gevraagd = [(g, t) for g, t in gevraagd if g == gebruiker.pk]
            if not gevraagd:
                continue
            termijnen = [t for _, t in gevraagd if t is not None]
            punten.append(
                Wachtpunt(
                    afweging_id,
                    "Formele reactie",
                    naam,
                    max(termijnen) if termijnen else None,
                    "#reacties-kop",
                )  # fmt: skip
            )
        return punten

    def gaat_mee_weg_met_deelnemer(self, afweging, gemeente):
        uit = []
        if afweging.reacties.filter(gemeente=gemeente).exists():
            uit.append("haar formele reactie")
        reviewers = afweging.delingen.filter(gebruiker__gemeenten=gemeente).count()
        if reviewers:
            uit.append(
                f"de toegang van {reviewers} gemeentesecretaris{'sen' if reviewers > 1 else ''}"
            )
        return uit

    def gaat_mee_weg(self, afweging):
        uit = []
        opmerkingen = afweging.opmerkingen.count()
        if opmerkingen:
            uit.append(f"{opmerkingen} opmerking{'en' if opmerkingen > 1 else ''} en antwoorden")
        reacties = [r.gemeente.naam for r in afweging.reacties.select_related("gemeente")]
        if reacties:
            uit.append(
                f"de formele reactie{'s' if len(reacties) > 1 else ''} van {opsomming(reacties)}"
            )
        delingen = afweging.delingen.count()
        if delingen:
            uit.append(
                f"de toegang van {delingen} gemeentesecretaris{'sen' if delingen > 1 else ''}"
            )
        return uit

    def rapport_deel(self, afweging):
        return rapport_deel(afweging)

    def op_start(self, gebruiker):
        if gebruiker.is_gemeentesecretaris and not (
            gebruiker.is_adviseur and gebruiker.provincie_id
        ):
            return Evaluatiesopstart(gebruiker)
        return None


class Evaluatiesopstart:
    """On a gemeentesecretaris's start page: the lopende evaluaties shared with them, and
    per own deelnemende gemeente whether its formal reactie is given, by which termijn."""

    template = "review/_evaluaties_op_start.html"

    def __init__(self, gebruiker):
        self.gebruiker = gebruiker

    @cached_property
    def rijen(self) -> list[tuple]:
        """(evaluatie, termijn or None, [(gemeente naam, reactie given)])."""
        delingen = (
            geldige_delingen(Deling.objects.filter(gebruiker=self.gebruiker, evaluatie__isnull=False))
            .exclude(evaluatie__status=Evaluatie.Status.VASTGESTELD)
            .select_related("evaluatie")
            .defer("evaluatie__vastgestelde_pdf")
            .order_by("-evaluatie__gewijzigd", "-evaluatie_id")
        )  # fmt: skip
        eigen = set(self.gebruiker.gemeenten.values_list("pk", flat=True))
        rijen = []
        for deling in delingen:
            evaluatie = deling.evaluatie
            gegeven = set(evaluatie.reacties.values_list("gemeente_id", flat=True))
            gemeenten = [
                (g.naam, g.pk in gegeven)
                for g in evaluatie.gemeenten.order_by("naam")
                if g.pk in eigen
            ]
            rijen.append((evaluatie, deling.reactietermijn, gemeenten))
        return rijen


def controlepunten(rij, *, delen: str, opmerkingen: str, reacties: str) -> list[Controlepunt]:
    """Not blocking: a province may vaststellen without every gemeente's word, but it
    should know that it does. The links go to where each is on the page."""
    onderwerp = onderwerp_van(rij)
    if not rij.delingen.exists():
        return [
            Controlepunt(
                f"De {onderwerp.woord} is met geen enkele gemeentesecretaris gedeeld: de "
                "gemeenten hebben niet kunnen reageren.",
                delen,
                "Delen",
            )
        ]
    punten = []
    open_vragen = rij.opmerkingen.filter(antwoord_op=None, antwoorden=None).count()
    if open_vragen:
        punten.append(Controlepunt(
            f"{open_vragen} opmerking{'en' if open_vragen > 1 else ''} van reviewers "
            f"{'zijn' if open_vragen > 1 else 'is'} nog niet beantwoord.",
            opmerkingen, "Naar de opmerkingen",
        ))  # fmt: skip
    gewijzigd = rij.reacties.exclude(antwoord="").exclude(eerdere_tekst="").count()
    if gewijzigd:
        punten.append(Controlepunt(
            f"{gewijzigd} formele reactie{'s zijn' if gewijzigd > 1 else ' is'} gewijzigd "
            "nadat de provincie antwoordde; het antwoord gaat over de eerdere versie.",
            reacties, "Naar de reacties",
        ))  # fmt: skip
    zonder_antwoord = rij.reacties.filter(antwoord="").count()
    if zonder_antwoord:
        punten.append(Controlepunt(
            f"{zonder_antwoord} formele reactie{'s' if zonder_antwoord > 1 else ''} "
            f"{'hebben' if zonder_antwoord > 1 else 'heeft'} nog geen antwoord van de provincie.",
            reacties, "Naar de reacties",
        ))  # fmt: skip
    gereageerd = set(rij.reacties.values_list("gemeente_id", flat=True))
    namen = [g.naam for g in onderwerp.gemeenten_op_naam() if g.pk not in gereageerd]
    if namen:
        punten.append(Controlepunt(
            f"Nog geen formele reactie van {opsomming(namen)}.", reacties, "Naar de reacties",
        ))  # fmt: skip
    return punten


def rapport_deel(rij) -> dict:
    reacties = list(rij.reacties.select_related("gemeente", "auteur", "beantwoord_door"))
    gereageerd = {r.gemeente_id for r in reacties}
    return {
        "reacties": reacties,
        # Provinciale Staten should see who stayed silent, not only who spoke.
        "zonder_reactie": [
            g.naam for g in onderwerp_van(rij).gemeenten_op_naam() if g.pk not in gereageerd
        ],
        "gedeeld": rij.delingen.exists(),
        "woord": onderwerp_van(rij).woord,
        # Shown with it in the report of an evaluatie (evaluatie/rapport.py); the
        # afweging's report includes it in its own place.
        "template": "review/_rapport_reacties.html",
    }


class Evaluatiereview(Evaluatieuitbreiding):
    """What review adds to an evaluatie (see `evaluatie.uitbreidingen`)."""

    naam = "review"

    def zichtbaar(self, gebruiker):
        if gebruiker.is_gemeentesecretaris:
            return Q(pk__in=gedeelde_evaluaties(gebruiker))
        return None

    def pagina_deel(self, pagina):
        from review.pagina import Reviewdeel

        return Reviewdeel(pagina)

    def rapport_deel(self, evaluatie):
        return rapport_deel(evaluatie)

    def controlepunten(self, evaluatie):
        overzicht = evaluatie.get_absolute_url()
        return controlepunten(
            evaluatie, delen=overzicht + "#review-kop", opmerkingen=overzicht + "#review-kop",
            reacties=overzicht + "#reacties-kop",
        )  # fmt: skip

    def betrokkenen(self, evaluatie):
        delingen = geldige_delingen(evaluatie.delingen.all()).select_related("gebruiker")
        return [d.gebruiker for d in delingen]
