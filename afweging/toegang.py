"""Who may see and change which afweging. The one place for these rules.

- An afweging is led by one provincie (`Afweging.provincie`): the provincie of the adviseur
  who started it, fixed from then on. Its adviseurs (the leading provincie's) see it, edit
  it, share it, answer opmerkingen and reacties, vaststellen it and make its new version.
- A fusie may cross a provincial border (BEL Combinatie: Noord-Holland and Utrecht;
  Vijfheerenlanden: Utrecht and Zuid-Holland). The adviseurs of every other provincie in
  which a deelnemer lies *read along* (`is_meelezer`): they see the afweging wherever
  afwegingen are listed, read all its pages, the report, the PDF and the exports, and
  place opmerkingen per deelvraag, which the leading provincie answers. They change
  nothing else: an edit page or action answers them with a 403 that says who leads. One
  provincie answers to its Provinciale Staten for one vaststelling; two provincies editing
  one afweging would have no one accountable.
- Where a gemeente lies is its provincie in the reference data (CBS, `Gemeente.provincie`:
  the current one for a current gemeente; a dissolved gemeente keeps its last).
- An afweging always has a deelnemer in its leading provincie: an adviseur cannot start
  one (nor import one) in which no deelnemer lies in their own provincie, and the last
  deelnemer of the leading provincie cannot be removed (`heeft_deelnemer_in`, checked by
  the voorstel's form and the import).
- A gemeentesecretaris sees only the afwegingen shared with them (their business case too,
  read-only); they comment and give a formal reaction, but never edit scores. Sharing is
  review's (`review/`): it tells this module through its uitbreiding which afwegingen a
  user may read that way.
- A beheerder manages the kader and reference data; afwegingen are not theirs.
Who may not see an afweging gets a 404, so its existence stays hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import wraps
from typing import NoReturn

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from afweging import uitbreidingen
from afweging.models import Afweging, Deelnemer


def weiger(melding: str) -> NoReturn:
    """Refuse the request with a 403 page that says why, in Dutch: the one way views refuse."""
    raise PermissionDenied(melding)


def heeft_deelnemer_in(provincie, gemeenten: Iterable) -> bool:
    """Whether one of these gemeenten lies in `provincie` (a row or its id)."""
    provincie_id = getattr(provincie, "pk", provincie)
    return any(g.provincie_id == provincie_id for g in gemeenten)


def _als_adviseur(gebruiker) -> Q:
    """The afwegingen an adviseur may see: led by their provincie, or with a deelnemer in it.
    A subquery, so an afweging with several such deelnemers comes once."""
    return Q(provincie_id=gebruiker.provincie_id) | Q(
        pk__in=Deelnemer.objects.filter(gemeente__provincie_id=gebruiker.provincie_id).values(
            "afweging_id"
        )
    )


def afwegingen_voor(gebruiker) -> QuerySet[Afweging]:
    if not gebruiker.is_authenticated:
        return Afweging.objects.none()
    if gebruiker.is_adviseur and gebruiker.provincie_id:
        return Afweging.objects.filter(_als_adviseur(gebruiker))
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
    """An adviseur of the afweging's leading provincie: who edits it."""
    return bool(
        gebruiker.is_adviseur
        and gebruiker.provincie_id
        and gebruiker.provincie_id == afweging.provincie_id
    )


def is_meelezer(gebruiker, afweging: Afweging) -> bool:
    """An adviseur of another provincie in which a deelnemer lies: who reads along and
    places opmerkingen. Uses the prefetched deelnemers when the afweging has them."""
    if not (gebruiker.is_adviseur and gebruiker.provincie_id) or is_eigenaar(gebruiker, afweging):
        return False
    if "deelnemers" in getattr(afweging, "_prefetched_objects_cache", {}):
        return heeft_deelnemer_in(
            gebruiker.provincie_id, (d.gemeente for d in afweging.deelnemers.all())
        )
    return afweging.deelnemers.filter(gemeente__provincie_id=gebruiker.provincie_id).exists()


def _vereist(toets, melding):
    def decorator(view):
        @wraps(view)
        def omhulsel(request, *args, **kwargs):
            if not toets(request.user):
                weiger(melding)
            return view(request, *args, **kwargs)

        return omhulsel

    return decorator


_alleen_adviseur = _vereist(
    lambda g: g.is_adviseur and g.provincie_id,
    "Alleen provinciale adviseurs met een provincie kunnen afwegingen maken en bewerken.",
)


def alleen_adviseur(view):
    """Only adviseurs; and on an afweging's URL (`pk`) only those of its leading provincie.
    An adviseur who reads along hears who leads (403); one who may not see the afweging at
    all gets the 404 that hides it. One query for the leading adviseur."""

    @wraps(view)
    def omhulsel(request, *args, **kwargs):
        pk, gebruiker = kwargs.get("pk"), request.user
        if pk is not None:
            leidend = Afweging.objects.filter(pk=pk).values_list("provincie_id", flat=True).first()
            if leidend != gebruiker.provincie_id:
                afweging = (
                    afwegingen_voor(gebruiker).select_related("provincie").filter(pk=pk).first()
                )
                if afweging is None:
                    raise Http404("Deze afweging bestaat niet of is niet van u.")
                lezen = (
                    "U kunt de afweging lezen."
                    if afweging.status == Afweging.Status.VASTGESTELD
                    else "U kunt de afweging lezen en bij elke deelvraag een opmerking plaatsen."
                )
                weiger(
                    f"Deze afweging wordt geleid door de provincie {afweging.provincie.naam}; "
                    f"alleen haar adviseurs wijzigen, delen en stellen haar vast. {lezen}"
                )
        return view(request, *args, **kwargs)

    return _alleen_adviseur(omhulsel)


adviseur_of_reviewer = _vereist(
    lambda g: (g.is_adviseur and g.provincie_id) or g.is_gemeentesecretaris,
    "Alleen adviseurs en gemeentesecretarissen met wie een afweging is gedeeld, kunnen afwegingen inzien.",
)
alleen_reviewer = _vereist(
    lambda g: g.is_gemeentesecretaris,
    "Alleen gemeentesecretarissen geven een reactie namens hun gemeente.",
)
