"""Who may see and change which afweging. The one place for these rules.

- An adviseur sees and edits the afwegingen of their own provincie.
- A gemeentesecretaris sees only the afwegingen shared with them (their business case too,
  read-only); they comment and give a formal reaction, but never edit scores. Sharing is
  review's (`review/`): it tells this module through its uitbreiding which afwegingen a
  user may read that way.
- A beheerder manages the kader and reference data; afwegingen are not theirs.
Who may not see an afweging gets a 404, so its existence stays hidden.
"""

from __future__ import annotations

from functools import wraps
from typing import NoReturn

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from afweging import uitbreidingen
from afweging.models import Afweging


def weiger(melding: str) -> NoReturn:
    """Refuse the request with a 403 page that says why, in Dutch: the one way views refuse."""
    raise PermissionDenied(melding)


def afwegingen_voor(gebruiker) -> QuerySet[Afweging]:
    if not gebruiker.is_authenticated:
        return Afweging.objects.none()
    if gebruiker.is_adviseur and gebruiker.provincie_id:
        return Afweging.objects.filter(provincie_id=gebruiker.provincie_id)
    voorwaarden = [q for u in uitbreidingen.alle() if (q := u.zichtbaar(gebruiker)) is not None]
    if not voorwaarden:
        return Afweging.objects.none()
    if len(voorwaarden) == 1:
        return Afweging.objects.filter(voorwaarden[0])  # Joins one row per afweging.
    toegestaan = voorwaarden[0]
    for voorwaarde in voorwaarden[1:]:
        toegestaan |= voorwaarde
    # Several joins may match one afweging more than once; a subquery keeps it once (and,
    # unlike distinct(), combines with the querysets views pass to afweging_voor).
    return Afweging.objects.filter(pk__in=Afweging.objects.filter(toegestaan).values("pk"))


def afweging_voor(gebruiker, pk: int, queryset: QuerySet[Afweging] | None = None) -> Afweging:
    """The afweging if this user may see it; 404 otherwise."""
    zichtbaar = afwegingen_voor(gebruiker)
    if queryset is not None:
        zichtbaar = queryset & zichtbaar
    return get_object_or_404(zichtbaar, pk=pk)


def is_eigenaar(gebruiker, afweging: Afweging) -> bool:
    return bool(
        gebruiker.is_adviseur
        and gebruiker.provincie_id
        and gebruiker.provincie_id == afweging.provincie_id
    )


def _vereist(toets, melding):
    def decorator(view):
        @wraps(view)
        def omhulsel(request, *args, **kwargs):
            if not toets(request.user):
                weiger(melding)
            return view(request, *args, **kwargs)

        return omhulsel

    return decorator


alleen_adviseur = _vereist(
    lambda g: g.is_adviseur and g.provincie_id,
    "Alleen provinciale adviseurs met een provincie kunnen afwegingen maken en bewerken.",
)
adviseur_of_reviewer = _vereist(
    lambda g: (g.is_adviseur and g.provincie_id) or g.is_gemeentesecretaris,
    "Alleen adviseurs en gemeentesecretarissen met wie een afweging is gedeeld, kunnen afwegingen inzien.",
)
alleen_reviewer = _vereist(
    lambda g: g.is_gemeentesecretaris,
    "Alleen gemeentesecretarissen geven een reactie namens hun gemeente.",
)
