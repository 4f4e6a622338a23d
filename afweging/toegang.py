"""Who may see and change which afweging. The one place for these rules.

An adviseur sees and edits the afwegingen of their own provincie. Sharing with
gemeentesecretarissen comes with the review workflow; until then they see none.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from afweging.models import Afweging


def afwegingen_voor(gebruiker) -> QuerySet[Afweging]:
    if gebruiker.is_authenticated and gebruiker.is_adviseur and gebruiker.provincie_id:
        return Afweging.objects.filter(provincie_id=gebruiker.provincie_id)
    return Afweging.objects.none()


def afweging_voor(gebruiker, pk: int, queryset: QuerySet[Afweging] | None = None) -> Afweging:
    """The afweging if this user may see it; 404 otherwise, so its existence stays hidden."""
    zichtbaar = afwegingen_voor(gebruiker)
    if queryset is not None:
        zichtbaar = queryset & zichtbaar
    return get_object_or_404(zichtbaar, pk=pk)


def alleen_adviseur(view):
    """Views for adviseurs with a provincie; others get 403 with a Dutch explanation."""

    @wraps(view)
    def omhulsel(request, *args, **kwargs):
        if not (request.user.is_adviseur and request.user.provincie_id):
            raise PermissionDenied(
                "Alleen provinciale adviseurs met een provincie kunnen afwegingen maken en inzien."
            )
        return view(request, *args, **kwargs)

    return omhulsel
