"""Who reviews an afweging: the gemeentesecretarissen it is shared with, for as long as they
work for one of its deelnemende gemeenten.

A share (`Deling`) is made for a secretaris of a deelnemende gemeente; one who is moved to
another gemeente (in the admin) keeps the row, but not the access: every request checks the
gemeenten they work for now, so no row needs to be cleaned up and moving back restores it.
What they wrote stays in the afweging for the others.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from afweging.models import Deelnemer
from afweging.toegang import afwegingen_voor
from review.models import Deling


def werkt_voor_deelnemer() -> Exists:
    """For a share: its reviewer works for a deelnemende gemeente of the afweging now."""
    return Exists(
        Deelnemer.objects.filter(
            afweging_id=OuterRef("afweging_id"), gemeente__secretarissen=OuterRef("gebruiker_id")
        )
    )


def geldige_delingen(delingen: QuerySet[Deling] | None = None) -> QuerySet[Deling]:
    """The shares that give access now."""
    delingen = Deling.objects.all() if delingen is None else delingen
    return delingen.filter(werkt_voor_deelnemer())


def gedeelde_afwegingen(gebruiker) -> QuerySet:
    """The ids of the afwegingen this user may read as a reviewer (a subquery)."""
    return geldige_delingen(Deling.objects.filter(gebruiker=gebruiker)).values("afweging_id")


def is_reviewer(gebruiker, afweging) -> bool:
    return (
        gebruiker.is_gemeentesecretaris
        and geldige_delingen(afweging.delingen.filter(gebruiker=gebruiker)).exists()
    )


def met_toegang(gebruikers, afweging) -> list:
    """Those of `gebruikers` who may still read the afweging: whom its e-mails may reach."""
    return [g for g in gebruikers if afwegingen_voor(g).filter(pk=afweging.pk).exists()]
