"""Reading for the evaluatie app: the aflopen of an afweging, which version of a chain takes
one, and the stand the terugblik page is keyed on. Nothing here writes."""

from __future__ import annotations

from django.db.models import Count, Max

from afweging.models import Afweging
from evaluatie.models import Afloop


def aflopen_van(afweging: Afweging) -> list[Afloop]:
    """The afweging's aflopen, the one that decides (latest date, then last recorded) first."""
    return list(
        Afloop.objects.filter(afweging=afweging)
        .select_related("vastgelegd_door")
        .order_by("-datum", "-pk")
    )


def nieuwere_vastgestelde_versie(afweging: Afweging) -> Afweging | None:
    """A later version of this afweging that is vastgesteld too, if there is one: the afloop
    of the fusion then belongs with that one. One query per later version (chains are
    short)."""
    gevonden, huidige = None, afweging
    while volgende := Afweging.objects.filter(vorige=huidige).only("pk", "status").first():
        if volgende.status == Afweging.Status.VASTGESTELD:
            gevonden = volgende
        huidige = volgende
    return gevonden


def terugblikstand() -> str:
    """What the terugblik's recorded part depends on besides the reference data: the
    aflopen (one more, or one gone), and the vastgestelde afwegingen (one more, or a newer
    vastgestelde version of a chain, changes which afweging speaks for a fusion). An afloop
    is never changed once recorded (no form or admin changes one)."""
    aflopen = Afloop.objects.aggregate(n=Count("pk"), pk=Max("pk"), moment=Max("vastgelegd_op"))
    vastgesteld = Afweging.objects.filter(status=Afweging.Status.VASTGESTELD).aggregate(
        n=Count("pk"), pk=Max("pk"), moment=Max("vastgesteld_op")
    )
    return "/".join(
        f"{rij['n']}:{rij['pk']}:{rij['moment'].isoformat() if rij['moment'] else '-'}"
        for rij in (aflopen, vastgesteld)
    )
