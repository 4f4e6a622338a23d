"""The start page after login: per role what there is to do.

An adviseur sees the lopende afwegingen of their provincie (and those another provincie
leads with a deelnemer in theirs, `afweging.toegang`) with what others added since
they last opened each one (`models.Gezien`) and the formal reacties past their termijn; a
gemeentesecretaris sees the lopende afwegingen shared with them and the reacties they owe,
with the day by which. Who has neither role (a beheerder, an account without a role)
is told where to go instead. What review adds (opmerkingen, reacties, termijnen) comes
through the uitbreidingen, so this module imports no higher app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from afweging import selectors, uitbreidingen
from afweging.models import Afweging
from afweging.toegang import afwegingen_voor
from afweging.uitbreidingen import Nieuw, Wachtpunt
from weergave.datums import dagen, datum


def termijn_in_woorden(termijn: date | None, vandaag: date) -> str:
    if termijn is None:
        return "geen termijn"
    over = (termijn - vandaag).days
    if over < 0:
        geleden = "gisteren" if over == -1 else f"{dagen(-over)} geleden"
        return f"termijn verstreken op {datum(termijn)} ({geleden})"
    if over == 0:
        return f"uiterlijk vandaag, {datum(termijn)}"
    return f"uiterlijk {datum(termijn)}, nog {dagen(over)}"


@dataclass(frozen=True)
class Wachtregel:
    """A Wachtpunt as the page shows it, on the day it is shown."""

    punt: Wachtpunt
    afweging: Afweging
    verstreken: bool
    termijn: str


@dataclass(frozen=True)
class Rij:
    afweging: Afweging
    nieuw: list[Nieuw]
    wacht: list[Wachtregel]

    @property
    def nieuw_getoond(self) -> list[Nieuw]:
        return [n for n in self.nieuw if n.aantal]


class Startpagina:
    def __init__(self, request):
        self.gebruiker = request.user

    @cached_property
    def vandaag(self) -> date:
        return timezone.localdate()

    @cached_property
    def als_adviseur(self) -> bool:
        return bool(self.gebruiker.is_adviseur and self.gebruiker.provincie_id)

    @cached_property
    def als_reviewer(self) -> bool:
        return self.gebruiker.is_gemeentesecretaris and not self.als_adviseur

    @cached_property
    def gemeenten(self) -> list[str]:
        return list(self.gebruiker.gemeenten.order_by("naam").values_list("naam", flat=True))

    @cached_property
    def afwegingen(self) -> list[Afweging]:
        """The lopende afwegingen this user may see, last changed first; the vastgestelde
        are on the list of all afwegingen."""
        if not (self.als_adviseur or self.als_reviewer):
            return []
        lopend = (
            afwegingen_voor(self.gebruiker)
            .exclude(status=Afweging.Status.VASTGESTELD)
            .select_related("aangemaakt_door", "gewijzigd_door", "provincie")
            .defer("vastgestelde_pdf")
        )
        return selectors.laatst_gewijzigd_door(selectors.met_laatste_wijziging(lopend))

    @cached_property
    def rijen(self) -> list[Rij]:
        nieuw: dict[int, list[Nieuw]] = {}
        for uitbreiding in uitbreidingen.alle():
            for pk, lijst in uitbreiding.nieuw(self.gebruiker, self.afwegingen).items():
                nieuw.setdefault(pk, []).extend(lijst)
        wacht: dict[int, list[Wachtregel]] = {}
        for regel in self.wacht:
            wacht.setdefault(regel.afweging.pk, []).append(regel)
        return [Rij(a, nieuw.get(a.pk, []), wacht.get(a.pk, [])) for a in self.afwegingen]

    @cached_property
    def wacht(self) -> list[Wachtregel]:
        """What the lopende afwegingen wait for, the nearest termijn first, none last."""
        per_pk = {a.pk: a for a in self.afwegingen}
        punten = [
            punt
            for uitbreiding in uitbreidingen.alle()
            for punt in uitbreiding.wacht_op(self.gebruiker, self.afwegingen)
            if punt.afweging_id in per_pk
        ]
        punten.sort(key=lambda p: (p.termijn is None, p.termijn or date.max, p.wie))
        return [
            Wachtregel(
                p,
                per_pk[p.afweging_id],
                p.verstreken(self.vandaag),
                termijn_in_woorden(p.termijn, self.vandaag),
            )
            for p in punten
        ]

    @cached_property
    def delen(self) -> list:
        """The parts other apps add to the start page (review: the evaluaties shared)."""
        return [d for u in uitbreidingen.alle() if (d := u.op_start(self.gebruiker)) is not None]

    @cached_property
    def te_laat(self) -> list[Wachtregel]:
        return [regel for regel in self.wacht if regel.verstreken]

    @cached_property
    def nieuw_totaal(self) -> list[Nieuw]:
        """What is new over all lopende afwegingen, per kind, in the order the apps give."""
        totaal: dict[str, Nieuw] = {}
        for rij in self.rijen:
            for n in rij.nieuw:
                eerder = totaal.get(n.soort)
                totaal[n.soort] = (
                    n if eerder is None else Nieuw(
                        n.soort, eerder.aantal + n.aantal, n.enkelvoud, n.meervoud, n.anker
                    )
                )  # fmt: skip
        return [n for n in totaal.values() if n.aantal]


@require_GET
def start_view(request):
    """Open to every logged-in user: what each sees follows from their role, and each part
    reads only the afwegingen `afwegingen_voor` gives them."""
    return render(request, "afweging/start.html", {"pagina": Startpagina(request)})
