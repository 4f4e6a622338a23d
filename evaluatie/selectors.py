"""Reading evaluaties: everything their pages load in one go, the input of the scoring, the
progress per domein and the stand that cached pages are keyed on; and the aflopen of an
afweging, which version of a chain takes one, and the terugblik's stand. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Prefetch, Subquery

from afweging.models import Afweging
from evaluatie import scoring
from evaluatie.models import Afloop, Evaluatie, Indicatoroordeel, Wijziging
from kader.models import Evaluatiedomein
from paginacache import stand as paginacache_stand

# The entry `afweging.services.vastleggen` wrote last, or moved (the same line again within
# a quarter of an hour keeps its row and takes the new moment).
_laatste_wijziging = Wijziging.objects.filter(evaluatie_id=OuterRef("pk")).order_by(
    "-moment", "-pk"
)


def met_stand(queryset):
    """The row with what `stand` needs (the reference data's stamp and the last entry in
    its history, as subqueries), and the leading provincie for the page."""
    return (
        queryset.defer("vastgestelde_pdf")
        .select_related("provincie")
        .annotate(
            referentiestand=paginacache_stand.referentiestand_subquery(),
            laatste_wijziging_pk=Subquery(_laatste_wijziging.values("pk")[:1]),
            laatste_wijziging_moment=Subquery(_laatste_wijziging.values("moment")[:1]),
        )
    )


def met_alles(queryset):
    return (
        met_stand(queryset)
        .select_related(
            "kader", "fusieorganisatie", "afweging", "aangemaakt_door", "gewijzigd_door"
        )
        .prefetch_related(
            "gemeenten__provincie",
            Prefetch(
                "oordelen",
                queryset=Indicatoroordeel.objects.select_related("indicator__domein"),
            ),
            Prefetch(
                "kader__domeinen",
                queryset=Evaluatiedomein.objects.prefetch_related("indicatoren"),
            ),
        )
    )


def stand(evaluatie: Evaluatie) -> str:
    """A stamp that changes with every save of the evaluatie (each raises `versie`), its
    status, every entry in its history (which each share, opmerking and reactie of its
    review writes, without raising the version), and the reference data (the Iv3 figures of the cost indicator's evidence among
    them). The afweging it looks back on is vastgesteld and does not
    change; its id is part of the stamp all the same."""
    referentie = getattr(evaluatie, "referentiestand", None)
    if referentie is None:
        referentie = paginacache_stand.referentiestand()
    if hasattr(evaluatie, "laatste_wijziging_pk"):
        laatste = (evaluatie.laatste_wijziging_pk, evaluatie.laatste_wijziging_moment)
    else:
        laatste = (
            evaluatie.wijzigingen.order_by("-moment", "-pk").values_list("pk", "moment").first()
        )
    pk, moment = laatste or (None, None)
    return (
        f"{evaluatie.pk}:{evaluatie.versie}:{evaluatie.status}:"
        f"{evaluatie.gewijzigd.isoformat()}:{pk or '-'}@{moment.isoformat() if moment else '-'}:"
        f"{evaluatie.afweging_id or '-'}/{referentie or '-'}"
    )


def domeinen(evaluatie: Evaluatie) -> list[Evaluatiedomein]:
    """The kader's domeinen in order, each with its indicators (prefetched by met_alles)."""
    return sorted(evaluatie.kader.domeinen.all(), key=lambda d: d.volgorde)


def oordelen_per_indicator(evaluatie: Evaluatie) -> dict[int, Indicatoroordeel]:
    return {o.indicator_id: o for o in evaluatie.oordelen.all()}


def scoring_invoer(evaluatie: Evaluatie) -> list[scoring.DomeinInvoer]:
    """Per domein of the pinned kader, its indicators with the stored scores. An indicator
    without an oordeel row (there is always one: `evaluatie_aanmaken`) counts as open."""
    oordelen = oordelen_per_indicator(evaluatie)
    uit = []
    for domein in domeinen(evaluatie):
        invoer = []
        for indicator in sorted(domein.indicatoren.all(), key=lambda i: i.volgorde):
            oordeel = oordelen.get(indicator.pk)
            invoer.append(
                scoring.indicator_invoer(
                    code=indicator.code,
                    naam=indicator.naam,
                    domein=domein.code,
                    aspect=indicator.aspect,
                    score=oordeel.score if oordeel else "",
                    motivering=oordeel.motivering if oordeel else "",
                )
            )
        uit.append(scoring.DomeinInvoer(domein.code, domein.naam, tuple(invoer)))
    return uit


def totaaloordeel(evaluatie: Evaluatie) -> scoring.Totaaloordeel:
    return scoring.oordeel_totaal(scoring_invoer(evaluatie))


@dataclass(frozen=True)
class Domeinstand:
    """One domein in the navigation: how many of its indicators are scored."""

    code: str
    naam: str
    gescoord: int
    aantal: int


def voortgang(evaluatie: Evaluatie) -> list[Domeinstand]:
    return [
        Domeinstand(d.code, d.naam, sum(i.gescoord for i in d.indicatoren), len(d.indicatoren))
        for d in scoring_invoer(evaluatie)
    ]


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


def van_dezelfde_fusie(zichtbaar, fusieorganisatie, afweging) -> list[Evaluatie]:
    """Of the evaluaties in `zichtbaar`, those of this fusieorganisatie (or, without one, of
    the fusion of this afweging), newest peildatum first."""
    if fusieorganisatie is not None:
        zelfde = Evaluatie.objects.filter(fusieorganisatie=fusieorganisatie)
    elif afweging is not None:
        zelfde = Evaluatie.objects.filter(afweging=afweging)
    else:
        return []
    return list(
        (zelfde & zichtbaar)
        .select_related("provincie")
        .only("pk", "titel", "peildatum", "status", "provincie__naam")
        .order_by("-peildatum", "-pk")
    )
