"""The report's trend: overhead lasten against inhabitants, a third-order polynomial fitted
on the gemeenten in no fusion organisation (§6.2, line 4565 ff.), and each gemeente's and
each fusion organisation's deviation from it. Pure numpy on a DataFrame from overhead.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

GRAAD = 3


@dataclass(frozen=True)
class Trend:
    coefficienten: tuple[float, ...]  # highest power first, as numpy.polyfit gives them
    schaal: float  # inhabitants are divided by this before fitting, for a stable fit
    n: int
    correlatie: float  # Pearson r of overhead and inhabitants in the fitted set
    r2: float  # share of variance the polynomial explains in the fitted set
    min_inwoners: int
    max_inwoners: int

    def verwacht(self, inwoners) -> np.ndarray:
        return np.polyval(self.coefficienten, np.asarray(inwoners, dtype=float) / self.schaal)

    def lijn(self, punten: int = 200) -> tuple[np.ndarray, np.ndarray]:
        x = np.geomspace(self.min_inwoners, self.max_inwoners, punten)
        return x, self.verwacht(x)


def fitset(df: pd.DataFrame) -> pd.DataFrame:
    """The gemeenten the trend is fitted on: not in a fusion organisation, figures known,
    and no flagged outlier (almost no overhead booked, or staff paid as a contribution)."""
    return df[
        ~df["in_fusie"]
        & df["inwoners"].notna()
        & df["overhead_lasten_eur"].notna()
        & ~df["vlag_bijna_nul"]
        & ~df["vlag_bijdrage"]
    ]


def fit_trend(df: pd.DataFrame) -> Trend:
    basis = fitset(df)
    x = basis["inwoners"].to_numpy(dtype=float)
    y = basis["overhead_lasten_eur"].to_numpy(dtype=float)
    schaal = 100_000.0
    coefficienten = np.polyfit(x / schaal, y, GRAAD)
    voorspeld = np.polyval(coefficienten, x / schaal)
    r2 = 1 - float(np.sum((y - voorspeld) ** 2) / np.sum((y - y.mean()) ** 2))
    return Trend(
        coefficienten=tuple(float(c) for c in coefficienten),
        schaal=schaal,
        n=len(basis),
        correlatie=float(np.corrcoef(x, y)[0, 1]),
        r2=r2,
        min_inwoners=int(x.min()),
        max_inwoners=int(x.max()),
    )


def met_afwijking(df: pd.DataFrame, trend: Trend) -> pd.DataFrame:
    uit = df.copy()
    verwacht = trend.verwacht(
        uit["inwoners"].astype("Float64").fillna(np.nan).to_numpy(dtype=float)
    )
    uit["verwacht_eur"] = verwacht
    uit["afwijking_eur"] = uit["overhead_lasten_eur"].astype(float) - verwacht
    uit["afwijking_pct"] = uit["afwijking_eur"] / verwacht
    return uit


@dataclass(frozen=True)
class Groepspositie:
    naam: str
    leden: tuple[str, ...]
    inwoners: int
    overhead_eur: float
    verwacht_eur: float

    @property
    def afwijking_pct(self) -> float:
        return (self.overhead_eur - self.verwacht_eur) / self.verwacht_eur


def groep_tegen_trend(df: pd.DataFrame, trend: Trend, codes: list[str], naam: str):
    """Members taken together: their summed overhead against the trend at their summed
    inhabitants. None when a member has no figures for this year (no row, no inhabitants, or
    a file in which all its taakvelden are zero): a sum without it would look too cheap."""
    leden = df[df["gemeentecode"].isin(codes)]
    if (
        len(leden) != len(codes)
        or leden["inwoners"].isna().any()
        or leden["overhead_lasten_eur"].isna().any()
    ):
        return None
    inwoners = int(leden["inwoners"].sum())
    return Groepspositie(
        naam=naam,
        leden=tuple(leden["gemeentenaam"]),
        inwoners=inwoners,
        overhead_eur=float(leden["overhead_lasten_eur"].sum()),
        verwacht_eur=float(trend.verwacht([inwoners])[0]),
    )
