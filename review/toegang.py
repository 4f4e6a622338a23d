"""Who reviews an afweging or an evaluatie: the gemeentesecretarissen it is shared with, for
as long as they work for one of its deelnemende gemeenten.

A share (`Deling`) is made for a secretaris of a deelnemende gemeente; one who is moved to
another gemeente (in the admin) keeps the row, but not the access: every request checks the
gemeenten they work for now, so no row needs to be cleaned up and moving back restores it.
What they wrote stays for the others.
"""

from __future__ import annotations

from django.db.models import QuerySet

from review.models import Deling
from review.onderwerp import onderwerp_van, werkt_voor_deelnemer

__all__ = [
    "gedeelde_afwegingen",
    "gedeelde_evaluaties",
    "geldige_delingen",
    "is_reviewer",
    "met_toegang",
    "werkt_voor_deelnemer",
]


def geldige_delingen(delingen: QuerySet[Deling] | None = None) -> QuerySet[Deling]:
    """The shares that give access now."""
    delingen = Deling.objects.all() if delingen is None else delingen
    return delingen.filter(werkt_voor_deelnemer())


def gedeelde_afwegingen(gebruiker) -> QuerySet:
    """The ids of the afwegingen this user may read as a reviewer (a subquery)."""
    return geldige_delingen(
        Deling.objects.filter(gebruiker=gebruiker, afweging__isnull=False)
    ).values("afweging_id")


def gedeelde_evaluaties(gebruiker) -> QuerySet:
    """The ids of the evaluaties this user may read as a reviewer (a subquery)."""
    return geldige_delingen(
        Deling.objects.filter(gebruiker=gebruiker, evaluatie__isnull=False)
    ).values("evaluatie_id")


def is_reviewer(gebruiker, rij) -> bool:
    """Shared with this gemeentesecretaris, who works for one of its deelnemers now."""
    onderwerp = onderwerp_van(rij)
    return (
        gebruiker.is_gemeentesecretaris
        and geldige_delingen(Deling.objects.filter(**onderwerp.filter(), gebruiker=gebruiker))
        .exists()
    )  # fmt: skip


def met_toegang(gebruikers, rij) -> list:
    """Those of `gebruikers` who may still read it: whom its e-mails may reach."""
    return onderwerp_van(rij).met_toegang(gebruikers)
