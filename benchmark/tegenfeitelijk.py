"""The counterfactual of a fusieorganisatie's overhead over the years: for every Iv3 file
the app holds, the members' overhead per inhabitant taken together, against the trend of
gemeenten without a fusion and against the band of such gemeenten of similar size.

The report asks to evaluate a fusion against the (fictitious) situation without it, not
against "toen" (line 6799); the members' costs are allocated by inhabitants as the report
does (§6.3, line 4696). The band is the spread of overhead per inhabitant among the
gemeenten the file's trend is fitted on (benchmark.trend.fitset), without the members
themselves, whose inhabitants lie in a window around the members' joint inhabitants.

A member without figures in a file (no Iv3 rows, inhabitants unknown, or every taakveld
0) makes that file's row unknown, with the reason naming the member: a sum without it
would look too cheap. The series is computed once per stand of the reference data, like
the analyses it is built from (benchmark.analyse).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import numpy as np

from benchmark import kanttekeningen
from benchmark.analyse import Analyse, analyses
from benchmark.models import Iv3Bestand
from benchmark.overhead import beschikbare_bestanden
from casussen.models import Gemeente
from paginacache import stand
from weergave import getallen

# "Similar size": inhabitants between 2/3 and 3/2 of the members' joint inhabitants, the
# same ratio above and below (the trend is fitted on a log scale of inhabitants), narrow
# enough that overhead per inhabitant, which falls with size (§6.3), hardly changes within
# it. Where fewer than MINIMUM_BAND gemeenten fall inside, the window widens step by step:
# a spread of fewer than 15 values has quartiles that one gemeente can move.
VENSTER_FACTOREN = (1.5, 2.0, 3.0, 5.0, 10.0)
MINIMUM_BAND = 15
PERCENTIELEN = (10, 25, 50, 75, 90)
# One series per document: a begroting (a plan, adopted before the year) and a jaarrekening
# (what was spent, drawn up after it) are no points on one line. The begrotingen come first,
# then the jaarrekeningen, each by year; a document the app does not know yet comes last.
DOCUMENTVOLGORDE = {Iv3Bestand.Document.BEGROTING: 0, Iv3Bestand.Document.JAARREKENING: 1}

_CACHE: dict[tuple, Tijdreeks] = {}
_SLOT = threading.Lock()
_MAX_REEKSEN = 256  # Fusieorganisaties and the member lists of afwegingen and evaluaties.


@dataclass(frozen=True)
class Band:
    """The overhead per inhabitant of the gemeenten without a fusion of similar size."""

    n: int
    factor: float | None  # The window used: joint inhabitants ÷ factor … × factor; None: all.
    van_inwoners: int
    tot_inwoners: int
    p10: float
    p25: float
    p50: float
    p75: float
    p90: float
    gemeenten: tuple[str, ...]  # Their names, for tracing every figure to its source.

    @property
    def verbreed(self) -> bool:
        return self.factor != VENSTER_FACTOREN[0]


@dataclass(frozen=True)
class Vergelijking:
    """One Iv3 file: the members together against the trend and the band. The figures are
    None where `onbekend` says why."""

    jaar: int
    document: str
    label: str  # "jaarrekening 2023"
    bron: str
    onbekend: str = ""  # Why there are no figures, naming the members; "" when known.
    inwoners: int | None = None
    overhead_eur: float | None = None
    per_inwoner: float | None = None
    verwacht_per_inwoner: float | None = None
    band: Band | None = None
    trend_n: int | None = None  # The gemeenten the file's trend is fitted on.
    bijdrage: tuple[str, ...] = ()  # Members flagged: staff paid as a contribution.
    bijna_nul: tuple[str, ...] = ()  # Members flagged: almost no overhead booked.

    @property
    def bekend(self) -> bool:
        return not self.onbekend

    @property
    def soort(self) -> str:
        """The document in the label ("jaarrekening"), as the chart's groups name it."""
        return self.label.rpartition(" ")[0]

    @property
    def afwijking_per_inwoner(self) -> float | None:
        if self.per_inwoner is None or self.verwacht_per_inwoner is None:
            return None
        return self.per_inwoner - self.verwacht_per_inwoner

    @property
    def afwijking_pct(self) -> float | None:
        """As a fraction, as the benchmark writes deviations (0.05 is 5%)."""
        if self.afwijking_per_inwoner is None or not self.verwacht_per_inwoner:
            return None
        return self.afwijking_per_inwoner / self.verwacht_per_inwoner


@dataclass(frozen=True)
class Tijdreeks:
    naam: str
    codes: tuple[str, ...]
    leden: tuple[str, ...]  # The members' names, in the order of `codes`.
    rijen: tuple[Vergelijking, ...]
    kanttekeningen: tuple[str, ...]
    _afgeleid: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    @property
    def heeft_cijfers(self) -> bool:
        return any(r.bekend for r in self.rijen)

    @property
    def heeft_band(self) -> bool:
        return any(r.band is not None for r in self.rijen)

    @property
    def documenten(self) -> tuple[tuple[str, tuple[Vergelijking, ...]], ...]:
        """The rows per document ("begroting", its rows by year), in the order of `rijen`:
        each is a series of its own in the charts."""
        groepen: dict[str, list[Vergelijking]] = {}
        for rij in self.rijen:
            groepen.setdefault(rij.soort, []).append(rij)
        return tuple((soort, tuple(rijen)) for soort, rijen in groepen.items())

    @property
    def bronvermelding(self) -> str:
        """The files' sources in one line: a shared source with the file names in brackets
        ("Bron: CBS (Iv3), … (a.csv.gz)") is named once, with the file names after it."""
        bronnen = list(dict.fromkeys(r.bron for r in self.rijen))
        delen = [bron.rpartition(" (") for bron in bronnen]
        if len(bronnen) > 1 and all(
            kern and kern == delen[0][0] and rest.endswith(")") for kern, _, rest in delen
        ):
            return f"{delen[0][0]} ({'; '.join(rest[:-1] for _, _, rest in delen)})"
        return "; ".join(bronnen)

    def onthouden(self, sleutel: Hashable, maak: Callable[[], object]):
        """Something derived from this series (its chart), made once and kept as long as
        the series is: this module imports no charts."""
        with _SLOT:
            gevonden = self._afgeleid.get(sleutel)
        if gevonden is None:
            gevonden = maak()
            with _SLOT:
                self._afgeleid[sleutel] = gevonden
        return gevonden


def band_uitleg() -> str:
    """What "of similar size" means, in the words of the constants above."""
    factoren = [getallen.afgerond(f, 1, hele_zonder_decimalen=True) for f in VENSTER_FACTOREN]
    return (
        "Vergelijkbare grootte: gemeenten zonder fusie (dezelfde als waarop de trend is "
        "bepaald, zonder de deelnemers zelf) met tussen 2/3 en 3/2 keer de inwoners van de "
        f"deelnemers samen; zijn dat er minder dan {MINIMUM_BAND}, dan wordt het venster "
        f"stap voor stap verbreed (factor {getallen.opsomming(factoren)}). Per bestand staat "
        "het gebruikte venster in de tabel."
    )


def _volgorde(bestand: Iv3Bestand) -> tuple[int, int]:
    return DOCUMENTVOLGORDE.get(bestand.document, len(DOCUMENTVOLGORDE)), bestand.jaar


def _label(bestand: Iv3Bestand) -> str:
    return f"{bestand.get_document_display().lower()} {bestand.jaar}"


def band(analyse: Analyse, inwoners: int, zonder: list[str]) -> Band | None:
    """The spread of overhead per inhabitant in the file's fitset, without `zonder`, in
    the narrowest window around `inwoners` that holds MINIMUM_BAND gemeenten (or all)."""
    basis = analyse.fitset
    basis = basis[~basis["gemeentecode"].isin(zonder)]
    if basis.empty:
        return None
    aantallen = basis["inwoners"].to_numpy(dtype=float)
    for factor in (*VENSTER_FACTOREN, None):
        if factor is None:
            van, tot = aantallen.min(), aantallen.max()
        else:
            van, tot = inwoners / factor, inwoners * factor
        binnen = (aantallen >= van) & (aantallen <= tot)
        if binnen.sum() >= MINIMUM_BAND or factor is None:
            break
    gekozen = basis[binnen]
    waarden = gekozen["overhead_per_inwoner_eur"].to_numpy(dtype=float)
    p10, p25, p50, p75, p90 = (float(p) for p in np.percentile(waarden, PERCENTIELEN))
    return Band(
        n=len(waarden),
        factor=factor,
        van_inwoners=getallen.heel(van),
        tot_inwoners=getallen.heel(tot),
        p10=p10,
        p25=p25,
        p50=p50,
        p75=p75,
        p90=p90,
        gemeenten=tuple(sorted(gekozen["gemeentenaam"])),
    )


def _waarom_onbekend(per_code: dict, namen: dict[str, str], codes: list[str], jaar: int) -> str:
    """Why a file has no joint figure, naming each member that lacks one; "" if none."""
    if not codes:
        return "geen deelnemers opgegeven"
    geen_regels = [namen[c] for c in codes if c not in per_code]
    geen_cijfers = [namen[c] for c in codes if c in per_code and per_code[c]["vlag_geen_cijfers"]]
    geen_inwoners = [
        namen[c] for c in codes if c in per_code and getallen.ontbreekt(per_code[c]["inwoners"])
    ]
    redenen = []
    if geen_regels:
        redenen.append(f"geen Iv3-cijfers van {getallen.opsomming(geen_regels)} in dit bestand")
    if geen_cijfers:
        werkwoord = "heeft" if len(geen_cijfers) == 1 else "hebben"
        redenen.append(
            f"{getallen.opsomming(geen_cijfers)} {werkwoord} op alle taakvelden 0 staan, "
            "dus geen cijfers geleverd"
        )
    if geen_inwoners:
        redenen.append(
            f"inwoners op 1 januari {jaar} onbekend voor {getallen.opsomming(geen_inwoners)}"
        )
    return "; ".join(redenen)


def vergelijking(
    bestand: Iv3Bestand, analyse: Analyse, codes: list[str], namen: dict[str, str]
) -> Vergelijking:
    basis = dict(
        jaar=bestand.jaar,
        document=bestand.document,
        label=_label(bestand),
        bron=bestand.bron,
        trend_n=analyse.trend.n,
    )
    per_code = analyse.rijen_van(codes)
    if reden := _waarom_onbekend(per_code, namen, codes, bestand.jaar):
        return Vergelijking(**basis, onbekend=reden)
    leden = [per_code[c] for c in codes]
    inwoners = int(sum(int(r["inwoners"]) for r in leden))
    overhead = float(sum(float(r["overhead_lasten_eur"]) for r in leden))
    verwacht = float(analyse.trend.verwacht([inwoners])[0])
    return Vergelijking(
        **basis,
        inwoners=inwoners,
        overhead_eur=overhead,
        per_inwoner=overhead / inwoners,
        verwacht_per_inwoner=verwacht / inwoners,
        band=band(analyse, inwoners, codes),
        bijdrage=tuple(r["gemeentenaam"] for r in leden if r["vlag_bijdrage"]),
        bijna_nul=tuple(r["gemeentenaam"] for r in leden if r["vlag_bijna_nul"]),
    )


def _gemarkeerd(rijen, veld: str, tekst: str) -> list[str]:
    """One caveat per flag: which members, in which files."""
    per_lid: dict[str, list[str]] = {}
    for rij in rijen:
        for naam in getattr(rij, veld):
            per_lid.setdefault(naam, []).append(rij.label)
    return [f"{naam} ({getallen.opsomming(labels)}): {tekst}" for naam, labels in per_lid.items()]


def _kanttekeningen(rijen, in_de_trend: list[str]) -> tuple[str, ...]:
    uit = [
        kanttekeningen.TOEREKENING_NAAR_INWONERS,
        kanttekeningen.TREND,
        kanttekeningen.BAND_GEEN_VOORSPELLING,
        band_uitleg(),
        kanttekeningen.BEGROTING_IS_PLAN,
        kanttekeningen.NOMINAAL,
        kanttekeningen.LEDEN_BIJDRAGE,
        *_gemarkeerd(rijen, "bijdrage", kanttekeningen.BIJDRAGE),
        *_gemarkeerd(rijen, "bijna_nul", kanttekeningen.BIJNA_NUL),
        kanttekeningen.GEEN_CIJFERS,
        kanttekeningen.IV3_VERGELIJKBAARHEID,
    ]
    if in_de_trend:
        zit, telt = ("zit", "telt") if len(in_de_trend) == 1 else ("zitten", "tellen")
        uit.append(
            f"{getallen.opsomming(in_de_trend)} {zit} in geen actieve fusieorganisatie en "
            f"{telt} dus mee in de trend; de band is zonder de deelnemers bepaald."
        )
    return tuple(uit)


def bereken(codes: list[str], naam: str) -> Tijdreeks:
    """The series computed afresh (from the analyses, which keep their own cache)."""
    namen = dict(Gemeente.objects.filter(code__in=codes).values_list("code", "naam"))
    namen = {code: namen.get(code, code) for code in codes}
    rijen, in_de_trend = [], set()
    bestanden = sorted(beschikbare_bestanden(), key=_volgorde)
    for bestand, gevonden in zip(bestanden, analyses(bestanden), strict=True):
        rijen.append(vergelijking(bestand, gevonden, codes, namen))
        if rijen[-1].bekend:
            in_de_trend |= set(codes) & set(gevonden.fitset["gemeentecode"])
    return Tijdreeks(
        naam=naam,
        codes=tuple(codes),
        leden=tuple(namen[c] for c in codes),
        rijen=tuple(rijen),
        kanttekeningen=_kanttekeningen(rijen, [namen[c] for c in codes if c in in_de_trend]),
    )


def tegenfeitelijk(codes: list[str], naam: str) -> Tijdreeks:
    """The series of `codes` (the members' CBS codes) under the name `naam`, one row per Iv3
    file in the order of document and year; kept while the reference data stay the same."""
    codes = list(dict.fromkeys(codes))
    huidig = stand.referentiestand()
    sleutel = (huidig, tuple(codes), naam)
    with _SLOT:
        gevonden = _CACHE.get(sleutel)
    if gevonden is not None:
        return gevonden
    gevonden = bereken(codes, naam)
    with _SLOT:
        # Keep only the series of the current stand, and not too many of them.
        for oud in [k for k in _CACHE if k[0] != huidig]:
            del _CACHE[oud]
        if len(_CACHE) >= _MAX_REEKSEN:
            _CACHE.clear()
        _CACHE[sleutel] = gevonden
    return gevonden
