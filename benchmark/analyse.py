"""One benchmark analysis per year and document: the overhead frame, the trend fitted on it
and every gemeente's deviation, computed once and kept while the data stays the same."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from benchmark.models import Iv3Bestand
from benchmark.overhead import actieve_fusieleden, overhead_frame
from benchmark.trend import Trend, fit_trend, fitset, groep_tegen_trend, met_afwijking
from paginacache import stand
from weergave import getallen

_CACHE: dict[tuple, Analyse] = {}
_SLOT = threading.Lock()


def _euro(waarde) -> str:
    return getallen.ONBEKEND if pd.isna(waarde) else getallen.geheel(waarde)


def _procent(waarde) -> str:
    return getallen.ONBEKEND if pd.isna(waarde) else getallen.procent(waarde)


@dataclass
class Analyse:
    bestand: Iv3Bestand
    gegevens: pd.DataFrame  # overhead frame with verwacht_eur, afwijking_eur, afwijking_pct
    trend: Trend
    _afgeleid: dict = field(default_factory=dict, repr=False)

    @cached_property
    def tabelrijen(self) -> list[dict]:
        """The table of the benchmark page, formatted once per analysis (Dutch notation)."""
        return [
            {
                "gemeentecode": r["gemeentecode"],
                "gemeentenaam": r["gemeentenaam"],
                "fusieorganisatie": r["fusieorganisatie"],
                "vlag_geen_cijfers": r["vlag_geen_cijfers"],
                "vlag_bijna_nul": r["vlag_bijna_nul"],
                "vlag_bijdrage": r["vlag_bijdrage"],
                "inwoners": _euro(r["inwoners"]),
                "overhead": _euro(r["overhead_lasten_eur"]),
                "per_inwoner": _euro(r["overhead_per_inwoner_eur"]),
                "aandeel": _procent(r["overhead_aandeel"]),
                "afwijking": _procent(r["afwijking_pct"]),
            }
            for r in self.gegevens.to_dict("records")
        ]

    def onthouden(self, sleutel: Hashable, maak: Callable[[], object]):
        """Something derived from this analysis (a chart per selection), made once per key
        and kept as long as the analysis; at most 64 keys, then it starts afresh. What is
        derived is the caller's business, so this module imports no charts."""
        with _SLOT:
            gevonden = self._afgeleid.get(sleutel)
        if gevonden is None:
            gevonden = maak()
            with _SLOT:
                if len(self._afgeleid) > 64:
                    self._afgeleid.clear()
                self._afgeleid[sleutel] = gevonden
        return gevonden

    @cached_property
    def fitset(self) -> pd.DataFrame:
        """The gemeenten the trend is fitted on (benchmark.trend.fitset), selected once."""
        return fitset(self.gegevens)

    @cached_property
    def _per_code(self) -> dict[str, dict]:
        return {r["gemeentecode"]: r for r in self.gegevens.to_dict("records")}

    def rijen_van(self, codes) -> dict[str, dict]:
        """The rows of these gemeenten by code (copies), leaving out codes without a row."""
        return {code: dict(self._per_code[code]) for code in codes if code in self._per_code}

    @property
    def aantal_fitset(self) -> int:
        return self.trend.n

    @property
    def aantal_uitgesloten(self) -> int:
        niet_fusie = self.gegevens[~self.gegevens["in_fusie"]]
        return len(niet_fusie) - len(self.fitset)

    @property
    def zonder_cijfers(self) -> list[str]:
        """The gemeenten whose figures in this file are all zero: unknown, not € 0."""
        return list(self.gegevens.loc[self.gegevens["vlag_geen_cijfers"], "gemeentenaam"])

    def rij(self, code: str) -> dict | None:
        gevonden = self.gegevens[self.gegevens["gemeentecode"] == code]
        return None if gevonden.empty else gevonden.iloc[0].to_dict()

    def groep(self, codes: list[str], naam: str):
        return groep_tegen_trend(self.gegevens, self.trend, codes, naam)


def analyse(jaar: int, document: str) -> Analyse | None:
    bestand = Iv3Bestand.objects.filter(jaar=jaar, document=document).first()
    if bestand is None:
        return None
    return _van(bestand, stand.referentiestand(), actieve_fusieleden())


def analyses(bestanden: list[Iv3Bestand]) -> list[Analyse]:
    """The analysis of each of these files, reading the stamp and the members of active
    fusieorganisaties once for all of them (a series over the years asks for every file)."""
    stempel, leden = stand.referentiestand(), actieve_fusieleden()
    return [_van(bestand, stempel, leden) for bestand in bestanden]


def _van(bestand: Iv3Bestand, stempel: str, leden: dict[str, str]) -> Analyse:
    jaar, document = bestand.jaar, bestand.document
    # The stamp of the reference data, not only the file's checksum: a row edited in the
    # admin, or put back by the loader, changes the figures but not the file.
    sleutel = (jaar, document, stempel, tuple(sorted(leden.items())))
    with _SLOT:
        gevonden = _CACHE.get(sleutel)
    if gevonden is not None:
        return gevonden
    gegevens = overhead_frame(jaar, document)
    trend = fit_trend(gegevens)
    resultaat = Analyse(bestand=bestand, gegevens=met_afwijking(gegevens, trend), trend=trend)
    with _SLOT:
        # Keep only the current state of each year and document.
        for oud in [k for k in _CACHE if k[:2] == (jaar, document)]:
            del _CACHE[oud]
        _CACHE[sleutel] = resultaat
    return resultaat


def laatste_jaarrekening() -> Analyse | None:
    bestand = (
        Iv3Bestand.objects.filter(document=Iv3Bestand.Document.JAARREKENING)
        .order_by("-jaar")
        .first()
    )
    return analyse(bestand.jaar, bestand.document) if bestand else None
