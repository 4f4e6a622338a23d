"""Overhead per gemeente from the Iv3 figures, as a pandas DataFrame.

Overhead is taakveld 0.4. Total lasten exclude 0.10 (mutaties reserves) and 0.11
(resultaat), which are bookings, not costs. Amounts come in thousands of euros and are
turned into euros here, once. Inhabitants are CBS figures on 1 January of the same year.
"""

from __future__ import annotations

import pandas as pd
from django.db.models import Count, Q, Sum

from benchmark.models import Iv3Bestand, Iv3Regel
from casussen.models import Deelname, Fusieorganisatie, Gemeente, Inwonertal

OVERHEAD = "0.4"
GEEN_KOSTEN = ("0.10", "0.11")
# Flags for the caveats of the report's comparison (§6.2-6.3): figures that cannot be
# compared as they are, shown and labelled rather than removed.
BIJNA_NUL_PER_INWONER = 25.0  # euro per inhabitant of overhead: almost certainly booked elsewhere.
LAGE_SALARISAANDEEL = 0.10  # salaries under 10% of overhead lasten: staff paid as a contribution.
# A gemeente whose every taakveld is zero in a file (Vijfheerenlanden in the jaarrekening
# 2023, Voorne aan Zee in the begroting 2023) delivered no figures: CBS's aggregation writes
# 0, not empty. Its overhead is unknown, not € 0, so it is shown as "onbekend", never fitted,
# summed or compared.

KOLOMMEN = [
    "gemeentecode", "gemeentenaam", "provincie", "inwoners", "overhead_lasten_eur",
    "overhead_salarissen_eur", "totale_lasten_eur", "overhead_per_inwoner_eur",
    "overhead_aandeel", "fusieorganisatie", "in_fusie", "vlag_geen_cijfers", "vlag_bijna_nul",
    "vlag_bijdrage",
]  # fmt: skip


def beschikbare_bestanden() -> list[Iv3Bestand]:
    return list(Iv3Bestand.objects.order_by("-jaar", "-document"))


def actieve_fusieleden() -> dict[str, str]:
    """CBS code → name of the active fusieorganisatie the gemeente is a member of."""
    return dict(
        Deelname.objects.filter(
            fusieorganisatie__status=Fusieorganisatie.Status.ACTIEF, gemeente__code__isnull=False
        ).values_list("gemeente__code", "fusieorganisatie__naam")
    )


def overhead_frame(jaar: int, document: str) -> pd.DataFrame:
    """One row per gemeente with overhead lasten, per inhabitant and share of total lasten."""
    cijfers = (
        Iv3Regel.objects.filter(bestand__jaar=jaar, bestand__document=document)
        .values("gemeente_id")
        .annotate(
            overhead=Sum("lasten", filter=Q(taakveld__code=OVERHEAD)),
            salarissen=Sum("salarissen", filter=Q(taakveld__code=OVERHEAD)),
            totaal=Sum("lasten", filter=~Q(taakveld__code__in=GEEN_KOSTEN)),
            geboekt=Count("pk", filter=~Q(lasten=0) | ~Q(baten=0)),
        )
    )
    df = pd.DataFrame.from_records(
        list(cijfers), columns=["gemeente_id", "overhead", "salarissen", "totaal", "geboekt"]
    )
    if df.empty:
        return pd.DataFrame(columns=KOLOMMEN)
    gemeenten = pd.DataFrame.from_records(
        list(
            Gemeente.objects.filter(pk__in=df["gemeente_id"]).values_list(
                "pk", "code", "naam", "provincie__naam"
            )
        ),
        columns=["gemeente_id", "gemeentecode", "gemeentenaam", "provincie"],
    )
    inwoners = pd.DataFrame.from_records(
        list(Inwonertal.objects.filter(jaar=jaar).values_list("gemeente_id", "aantal")),
        columns=["gemeente_id", "inwoners"],
    )
    df = df.merge(gemeenten, on="gemeente_id").merge(inwoners, on="gemeente_id", how="left")
    df["inwoners"] = df["inwoners"].astype("Int64")
    for bron, doel in (("overhead", "overhead_lasten_eur"), ("salarissen", "overhead_salarissen_eur"),
                       ("totaal", "totale_lasten_eur")):  # fmt: skip
        df[doel] = df[bron].astype("Float64") * 1000
    df["vlag_geen_cijfers"] = df["geboekt"] == 0
    geen = df["vlag_geen_cijfers"]
    df.loc[geen, ["overhead_lasten_eur", "overhead_salarissen_eur", "totale_lasten_eur"]] = pd.NA
    df["overhead_per_inwoner_eur"] = df["overhead_lasten_eur"] / df["inwoners"].astype("Float64")
    df["overhead_aandeel"] = df["overhead_lasten_eur"] / df["totale_lasten_eur"]
    leden = actieve_fusieleden()
    df["fusieorganisatie"] = df["gemeentecode"].map(leden).fillna("")
    df["in_fusie"] = df["fusieorganisatie"] != ""
    df["vlag_bijna_nul"] = (df["overhead_per_inwoner_eur"] < BIJNA_NUL_PER_INWONER).fillna(False)
    df["vlag_bijdrage"] = (
        (df["overhead_salarissen_eur"].fillna(0) < LAGE_SALARISAANDEEL * df["overhead_lasten_eur"])
        & ~df["vlag_bijna_nul"]
    ).fillna(False)
    return df[KOLOMMEN].sort_values("gemeentenaam").reset_index(drop=True)
