"""Who may see and change which evaluatie. The one place for these rules, after the
afweging's (`afweging/toegang.py`):

- An evaluatie is led by one provincie (`Evaluatie.provincie`): the provincie of the
  adviseur who started it. Its adviseurs see and edit it.
- The adviseurs of every other provincie in which a deelnemer lies read it along: the
  list, the overview and every domein, without a form. What they may not do (an edit)
  answers them with a 403 that says who leads.
- An adviseur starts an evaluatie only for gemeenten of which at least one lies in their
  own provincie (`heeft_deelnemer_in`), so the leading provincie always has a deelnemer.
- A gemeentesecretaris reads an evaluatie shared with them while they work for one of its
  gemeenten (review, through `evaluatie.uitbreidingen`): the list, the overview and every
  domein, with review's part (opmerkingen, the reactie of their gemeente). Who has neither
  role (a beheerder) hears which roles give access (403).
Who may not see an evaluatie gets a 404, so its existence stays hidden.
"""

from __future__ import annotations

from functools import wraps

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from afweging.toegang import heeft_deelnemer_in, is_eigenaar, weiger
from evaluatie import uitbreidingen
from evaluatie.models import Evaluatie

__all__ = [
    "alleen_adviseur",
    "alleen_lezer",
    "evaluatie_voor",
    "evaluaties_voor",
    "heeft_deelnemer_in",
    "is_eigenaar",
    "is_meelezer",
    "mag_starten",
    "weiger",
    "weiger_meelezer",
]

ALLEEN_ADVISEURS = (
    "Alleen provinciale adviseurs met een provincie starten en bewerken evaluaties. "
    "Gemeentesecretarissen lezen een evaluatie die met hen is gedeeld."
)
ALLEEN_LEZERS = (
    "Evaluaties zijn er voor provinciale adviseurs met een provincie, en voor "
    "gemeentesecretarissen met wie een evaluatie is gedeeld. Uw account heeft geen van die "
    "rollen."
)
BEHEERDER = (
    " Als beheerder kunt u uw eigen account in het beheer (Gebruikers) de rol adviseur en "
    "een provincie geven, als u evaluaties zelf moet kunnen inzien."
)


def _melding(gebruiker, melding: str) -> str:
    """The refusal, with what a beheerder can do about it themselves (a beheerder asking
    the beheerder is no way out)."""
    return melding + (BEHEERDER if gebruiker.is_beheerder else "")


def _als_adviseur(gebruiker) -> Q:
    """Led by their provincie, or with a deelnemer in it (a subquery, so an evaluatie with
    several such deelnemers comes once)."""
    return Q(provincie_id=gebruiker.provincie_id) | Q(
        pk__in=Evaluatie.gemeenten.through.objects.filter(
            gemeente__provincie_id=gebruiker.provincie_id
        ).values("evaluatie_id")
    )


def evaluaties_voor(gebruiker) -> QuerySet[Evaluatie]:
    """An adviseur: by provincie. Anyone else: what the uitbreidingen let them read (review:
    shared with them as gemeentesecretaris of a deelnemer), as `afwegingen_voor` does."""
    if not gebruiker.is_authenticated:
        return Evaluatie.objects.none()
    if gebruiker.is_adviseur and gebruiker.provincie_id:
        return Evaluatie.objects.filter(_als_adviseur(gebruiker))
    voorwaarden = [q for u in uitbreidingen.alle() if (q := u.zichtbaar(gebruiker)) is not None]
    if not voorwaarden:
        return Evaluatie.objects.none()
    toegestaan = voorwaarden[0]
    for voorwaarde in voorwaarden[1:]:
        toegestaan |= voorwaarde
    # A subquery keeps an evaluatie once, however many joins match it.
    return Evaluatie.objects.filter(pk__in=Evaluatie.objects.filter(toegestaan).values("pk"))


def evaluatie_voor(gebruiker, pk: int, queryset: QuerySet[Evaluatie] | None = None) -> Evaluatie:
    """The evaluatie if this user may see it; 404 otherwise."""
    zichtbaar = evaluaties_voor(gebruiker)
    if queryset is not None:
        zichtbaar = queryset & zichtbaar
    return get_object_or_404(zichtbaar, pk=pk)


def is_meelezer(gebruiker, evaluatie: Evaluatie) -> bool:
    """An adviseur of another provincie in which a deelnemer lies."""
    if not (gebruiker.is_adviseur and gebruiker.provincie_id) or is_eigenaar(gebruiker, evaluatie):
        return False
    return heeft_deelnemer_in(gebruiker.provincie_id, evaluatie.gemeenten.all())


def mag_starten(gebruiker, gemeenten) -> bool:
    """An adviseur with a provincie in which one of these gemeenten lies."""
    return bool(
        gebruiker.is_authenticated
        and gebruiker.is_adviseur
        and gebruiker.provincie_id
        and heeft_deelnemer_in(gebruiker.provincie_id, gemeenten)
    )


def weiger_meelezer(evaluatie: Evaluatie):
    """Refuse a change by an adviseur who reads along: say who leads."""
    weiger(
        f"Deze evaluatie wordt geleid door de provincie {evaluatie.provincie.naam}; alleen "
        "haar adviseurs wijzigen haar. U kunt de evaluatie lezen."
    )


def alleen_adviseur(view):
    """Only adviseurs with a provincie: the rest hears why (403). On an evaluatie's URL
    (`pk`), one who may not see it gets the 404 that hides it."""

    @wraps(view)
    def omhulsel(request, *args, **kwargs):
        gebruiker = request.user
        if not (gebruiker.is_adviseur and gebruiker.provincie_id):
            weiger(_melding(gebruiker, ALLEEN_ADVISEURS))
        return view(request, *args, **kwargs)

    return omhulsel


def alleen_lezer(view):
    """Adviseurs with a provincie and gemeentesecretarissen (who find what is shared with
    them; on an evaluatie's URL anything else is the 404 of `evaluatie_voor`)."""

    @wraps(view)
    def omhulsel(request, *args, **kwargs):
        gebruiker = request.user
        if not (
            (gebruiker.is_adviseur and gebruiker.provincie_id) or gebruiker.is_gemeentesecretaris
        ):
            weiger(_melding(gebruiker, ALLEEN_LEZERS))
        return view(request, *args, **kwargs)

    return omhulsel


def terugblik_voor_adviseurs(view):
    """Only adviseurs: the terugblik sets the signalen of their afwegingen against history.
    Who is not logged in never gets here (login is required site-wide)."""

    @wraps(view)
    def omhulsel(request, *args, **kwargs):
        if not request.user.is_adviseur:
            weiger(
                "De terugblik op de signalen is er voor provinciale adviseurs; uw account "
                "heeft die rol niet."
            )
        return view(request, *args, **kwargs)

    return omhulsel
