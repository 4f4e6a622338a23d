"""From the scores of an evaluatie to its oordelen: one per domein of the evaluatiekader and
one overall, each with the rule that decided, in Dutch.

Pure functions on plain data; no database. All rules are written here once, in order, and
`DOMEINREGELS` and `TOTAALREGELS` describe them in words for the overview page. The first
rule that applies decides; the result names it.

Scale: every indicator gets −2 … +2, or "onvoldoende informatie", on the afwegingskader's
scale. A score is read as the afweging reads it (`afweging.scoring.antwoordstatus`): "?"
and a score without a written motivation are gaps, never zero, and never part of a mean.
Indicators carry no weights: the report's evaluatiekader (§4.3, the table at line 1817)
gives none, so each counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from afweging.scoring import Status, antwoordstatus
from weergave import getallen

# A domein is judged only when at least two thirds of its indicators are scored with a
# motivation. An evaluatie afterwards often lacks information on some indicators (how
# satisfied the partners in the region are, say), so a third may stay open; below two
# thirds a judgement would say more about what is missing than about what is known.
MINIMUM_GESCOORD = Fraction(2, 3)

# A mean at or above +0,5 (or at or below −0,5) leans clearly one way, as the afweging's
# judgements do (afweging.scoring.DREMPEL); in between it leans nowhere.
DREMPEL = 0.5

# An indicator at −2 is a clear failure (the law not followed, the raden without a grip);
# other indicators do not make up for it, as a deelvraag at −2 keeps an afweging from a
# plain positief. The domein is then at best gemengd.
ZWAARSTE_SCORE = -2

# The overall judgement: a verdict one way needs that many of the three domeinen (Publieke
# waarde, Legitimiteit, Besturing en organisatie) to lean that way.
MEERDERHEID_DOMEINEN = 2


class Oordeelwaarde(StrEnum):
    POSITIEF = "overwegend_positief"
    GEMENGD = "gemengd"
    NEGATIEF = "overwegend_negatief"
    ONVOLLEDIG = "onvolledig"

    @property
    def label(self) -> str:
        return {
            "overwegend_positief": "Overwegend positief",
            "gemengd": "Gemengd",
            "overwegend_negatief": "Overwegend negatief",
            "onvolledig": "Onvolledig",
        }[self.value]


# --- input -------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorInvoer:
    code: str
    naam: str
    domein: str  # the domein's code
    aspect: str  # Resultaten, Rechtmatigheid, Draagvlak, …
    score: int | None  # −2 … 2; None when not (validly) scored
    status: Status

    @property
    def gescoord(self) -> bool:
        return self.status == Status.BEANTWOORD and self.score is not None


def indicator_invoer(
    *, code: str, naam: str, domein: str, aspect: str, score: str, motivering: str
) -> IndicatorInvoer:
    """Turn a stored oordeel (its score as stored: "-2" … "2", "?" or "") into scoring
    input; '?' and missing motivations are gaps."""
    status = antwoordstatus(score, motivering)
    getal = int(score) if status == Status.BEANTWOORD else None
    return IndicatorInvoer(code, naam, domein, aspect, getal, status)


@dataclass(frozen=True)
class DomeinInvoer:
    code: str
    naam: str
    indicatoren: tuple[IndicatorInvoer, ...]


# --- output ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Domeinoordeel:
    code: str
    naam: str
    waarde: Oordeelwaarde
    regel: str  # code of the rule that decided (DOMEINREGELS)
    uitleg: str  # why, in Dutch, with this evaluatie's numbers
    gemiddelde: float | None  # of the scored indicators; None if there are none
    gescoord: int
    aantal: int
    positief: int  # scored +1 or +2
    negatief: int  # scored −1 or −2
    hiaten: tuple[IndicatorInvoer, ...]

    @property
    def procent(self) -> int:
        return getallen.heel(100 * self.gescoord / self.aantal) if self.aantal else 0


@dataclass(frozen=True)
class Totaaloordeel:
    waarde: Oordeelwaarde
    regel: str  # code of the rule that decided (TOTAALREGELS)
    uitleg: str
    domeinen: tuple[Domeinoordeel, ...]

    @property
    def gescoord(self) -> int:
        return sum(d.gescoord for d in self.domeinen)

    @property
    def aantal(self) -> int:
        return sum(d.aantal for d in self.domeinen)

    @property
    def procent(self) -> int:
        return getallen.heel(100 * self.gescoord / self.aantal) if self.aantal else 0

    @property
    def volledig(self) -> bool:
        return self.gescoord == self.aantal


# --- the rules ---------------------------------------------------------------------------

DOMEINREGELS: list[tuple[str, str]] = [
    (
        "te_weinig_gescoord",
        "Onvolledig als minder dan twee derde van de indicatoren van het domein gemotiveerd "
        "gescoord is. ‘Onvoldoende informatie’ en een score zonder motivering tellen niet "
        "mee: ze zijn een hiaat, geen nul.",
    ),
    (
        "aspect_zonder_score",
        "Onvolledig als een aspect van het domein (bijvoorbeeld Draagvlak of Rechtmatigheid) "
        "geen enkele gemotiveerd gescoorde indicator heeft: dan ontbreekt een heel deel van "
        "het domein.",
    ),
    (
        "overwegend_negatief",
        "Overwegend negatief als meer dan de helft van de gescoorde indicatoren negatief is "
        "(−1 of −2) en hun gemiddelde −0,5 of lager is.",
    ),
    (
        "overwegend_positief",
        "Overwegend positief als meer dan de helft van de gescoorde indicatoren positief is "
        "(+1 of +2), hun gemiddelde +0,5 of hoger is en geen indicator op −2 staat.",
    ),
    (
        "gemengd",
        "Gemengd in alle andere gevallen: geen meerderheid naar één kant, een gemiddelde "
        "tussen −0,5 en +0,5, of een indicator op −2 naast een positieve meerderheid.",
    ),
]

TOTAALREGELS: list[tuple[str, str]] = [
    (
        "domein_onvolledig",
        "Onvolledig zolang een domein onvolledig is: het totaaloordeel weegt de drie domeinen "
        "(publieke waarde, legitimiteit, besturing en organisatie) tegen elkaar af, en wat in "
        "één domein ontbreekt, maken de andere niet goed.",
    ),
    (
        "overwegend_positief",
        "Overwegend positief als minstens twee domeinen overwegend positief zijn en geen "
        "domein overwegend negatief is.",
    ),
    (
        "overwegend_negatief",
        "Overwegend negatief als minstens twee domeinen overwegend negatief zijn en geen "
        "domein overwegend positief is.",
    ),
    (
        "gemengd",
        "Gemengd in alle andere gevallen, bijvoorbeeld één domein positief en één negatief, "
        "of twee domeinen gemengd.",
    ),
]


def regelnummer(regels: list[tuple[str, str]], code: str) -> int:
    return next(i for i, (c, _) in enumerate(regels, 1) if c == code)


def _gemiddelde(scores: list[int]) -> float | None:
    return sum(scores) / len(scores) if scores else None


def _getal(waarde: float | None) -> str:
    return getallen.ONBEKEND if waarde is None else getallen.score(waarde)


def _indicatoren(aantal: int) -> str:
    return f"{aantal} indicator" if aantal == 1 else f"{aantal} indicatoren"


def oordeel_domein(domein: DomeinInvoer) -> Domeinoordeel:
    indicatoren = domein.indicatoren
    gescoord = [i for i in indicatoren if i.gescoord]
    scores = [i.score for i in gescoord]
    gemiddelde = _gemiddelde(scores)
    positief = sum(1 for s in scores if s > 0)
    negatief = sum(1 for s in scores if s < 0)
    hiaten = tuple(i for i in indicatoren if not i.gescoord)

    def oordeel(waarde: Oordeelwaarde, regel: str, uitleg: str) -> Domeinoordeel:
        return Domeinoordeel(
            domein.code, domein.naam, waarde, regel, uitleg, gemiddelde, len(gescoord),
            len(indicatoren), positief, negatief, hiaten,
        )  # fmt: skip

    # Counted in whole numbers: 2/3 of nine is six, not 5.999….
    if not indicatoren or Fraction(len(gescoord), len(indicatoren)) < MINIMUM_GESCOORD:
        nodig = -(-len(indicatoren) * MINIMUM_GESCOORD.numerator // MINIMUM_GESCOORD.denominator)
        return oordeel(
            Oordeelwaarde.ONVOLLEDIG,
            "te_weinig_gescoord",
            f"{len(gescoord)} van de {_indicatoren(len(indicatoren))} "
            f"{'is' if len(gescoord) == 1 else 'zijn'} gemotiveerd gescoord; voor een oordeel over dit domein zijn er minstens {nodig} nodig "
            f"(twee derde).",
        )

    aspecten = list(dict.fromkeys(i.aspect for i in indicatoren))
    zonder = [a for a in aspecten if not any(i.gescoord for i in indicatoren if i.aspect == a)]
    if zonder:
        if len(zonder) == 1:
            uitleg = (
                f"Het aspect {zonder[0]} heeft nog geen gemotiveerd gescoorde indicator; "
                "zonder dat aspect is het domein niet te beoordelen."
            )
        else:
            uitleg = (
                f"De aspecten {getallen.opsomming(zonder)} hebben nog geen gemotiveerd "
                "gescoorde indicator; zonder die aspecten is het domein niet te beoordelen."
            )
        return oordeel(Oordeelwaarde.ONVOLLEDIG, "aspect_zonder_score", uitleg)

    telling = (
        f"{positief} van de {len(gescoord)} gescoorde indicatoren positief, {negatief} "
        f"negatief, gemiddeld {_getal(gemiddelde)}"
    )
    if 2 * negatief > len(gescoord) and gemiddelde <= -DREMPEL:
        return oordeel(Oordeelwaarde.NEGATIEF, "overwegend_negatief", f"{telling}.")
    zwaarste = [i for i in gescoord if i.score <= ZWAARSTE_SCORE]
    if 2 * positief > len(gescoord) and gemiddelde >= DREMPEL and not zwaarste:
        return oordeel(Oordeelwaarde.POSITIEF, "overwegend_positief", f"{telling}.")
    if 2 * positief > len(gescoord) and gemiddelde >= DREMPEL:
        waarom = (
            f"‘{zwaarste[0].naam}’ staat op −2"
            if len(zwaarste) == 1
            else f"{len(zwaarste)} indicatoren staan op −2"
        )
        reden = f"de meerderheid is positief, maar {waarom}"
    elif 2 * positief > len(gescoord) or 2 * negatief > len(gescoord):
        reden = "er is een meerderheid naar één kant, maar het gemiddelde ligt tussen −0,5 en +0,5"
    else:
        reden = "geen meerderheid van de gescoorde indicatoren wijst één kant op"
    return oordeel(Oordeelwaarde.GEMENGD, "gemengd", f"{telling}: {reden}.")


def oordeel_totaal(domeinen: list[DomeinInvoer]) -> Totaaloordeel:
    oordelen = tuple(oordeel_domein(d) for d in domeinen)

    def totaal(waarde: Oordeelwaarde, regel: str, uitleg: str) -> Totaaloordeel:
        return Totaaloordeel(waarde, regel, uitleg, oordelen)

    onvolledig = [o.naam for o in oordelen if o.waarde == Oordeelwaarde.ONVOLLEDIG]
    if onvolledig or not oordelen:
        return totaal(
            Oordeelwaarde.ONVOLLEDIG,
            "domein_onvolledig",
            f"Nog niet te beoordelen: {getallen.opsomming(onvolledig)} "
            f"{'is' if len(onvolledig) == 1 else 'zijn'} onvolledig."
            if onvolledig
            else "Nog niet te beoordelen: het evaluatiekader heeft geen domeinen.",
        )
    positief = [o.naam for o in oordelen if o.waarde == Oordeelwaarde.POSITIEF]
    negatief = [o.naam for o in oordelen if o.waarde == Oordeelwaarde.NEGATIEF]

    def namen(lijst: list[str]) -> str:
        return getallen.opsomming(lijst) if lijst else "geen"

    telling = f"overwegend positief: {namen(positief)}; overwegend negatief: {namen(negatief)}"
    if len(positief) >= MEERDERHEID_DOMEINEN and not negatief:
        return totaal(Oordeelwaarde.POSITIEF, "overwegend_positief", f"Domeinen {telling}.")
    if len(negatief) >= MEERDERHEID_DOMEINEN and not positief:
        return totaal(Oordeelwaarde.NEGATIEF, "overwegend_negatief", f"Domeinen {telling}.")
    return totaal(Oordeelwaarde.GEMENGD, "gemengd", f"Domeinen {telling}.")


# --- then and now: did the expectations of the afweging come true? -------------------------


class Uitgekomen(StrEnum):
    UITGEKOMEN = "uitgekomen"
    BETER = "beter"
    SLECHTER = "slechter"
    NIET_TE_ZEGGEN = "niet_te_zeggen"
    GEEN_VERWACHTING = "geen_verwachting"

    @property
    def label(self) -> str:
        return {
            "uitgekomen": "Uitgekomen",
            "beter": "Beter dan verwacht",
            "slechter": "Slechter dan verwacht",
            "niet_te_zeggen": "Nog niet te zeggen",
            "geen_verwachting": "Geen verwachting vastgelegd",
        }[self.value]


VERWACHTINGSREGELS: list[tuple[str, str]] = [
    (
        "geen_verwachting",
        "Geen verwachting vastgelegd als de deelvraag in de afweging geen gemotiveerde score had.",
    ),
    (
        "niet_te_zeggen",
        "Nog niet te zeggen als minder dan twee derde van de indicatoren die bij de deelvraag "
        "horen (in het afwegingskader) in deze evaluatie gemotiveerd gescoord is.",
    ),
    (
        "richting",
        "Anders telt de richting: positief vanaf +0,5, negatief vanaf −0,5, daartussen "
        "neutraal; voor de verwachting de score van de deelvraag, voor nu het gemiddelde van "
        "de gescoorde indicatoren. Dezelfde richting is uitgekomen; een hogere richting nu "
        "is beter dan verwacht, een lagere slechter.",
    ),
]


def _richting(waarde: float) -> int:
    if waarde >= DREMPEL:
        return 1
    if waarde <= -DREMPEL:
        return -1
    return 0


@dataclass(frozen=True)
class Verwachtingsuitkomst:
    waarde: Uitgekomen
    uitleg: str
    gemiddelde: float | None  # of the scored indicators now
    gescoord: int
    aantal: int


def verwachting_uitgekomen(
    verwachting: int | None, indicatoren: list[IndicatorInvoer]
) -> Verwachtingsuitkomst:
    """An expectation of the afweging (a meerwaarde deelvraag's score, or None when it was
    a gap) against the evaluatie's scores on the indicators the kader links to it."""
    gescoord = [i.score for i in indicatoren if i.gescoord]
    gemiddelde = _gemiddelde(gescoord)

    def uit(waarde: Uitgekomen, uitleg: str) -> Verwachtingsuitkomst:
        return Verwachtingsuitkomst(waarde, uitleg, gemiddelde, len(gescoord), len(indicatoren))

    if verwachting is None:
        return uit(
            Uitgekomen.GEEN_VERWACHTING,
            "De afweging gaf deze deelvraag geen gemotiveerde score.",
        )
    if not indicatoren or Fraction(len(gescoord), len(indicatoren)) < MINIMUM_GESCOORD:
        return uit(
            Uitgekomen.NIET_TE_ZEGGEN,
            f"{len(gescoord)} van de {_indicatoren(len(indicatoren))} die bij deze deelvraag "
            f"horen, {'is' if len(gescoord) == 1 else 'zijn'} gemotiveerd gescoord; minstens "
            "twee derde is nodig.",
        )
    toen, nu = _richting(verwachting), _richting(gemiddelde)
    waarde = (
        Uitgekomen.UITGEKOMEN
        if nu == toen
        else Uitgekomen.BETER
        if nu > toen
        else Uitgekomen.SLECHTER
    )
    return uit(
        waarde,
        f"Verwacht {getallen.met_teken(verwachting)}; nu gemiddeld {_getal(gemiddelde)} over "
        f"{len(gescoord)} van de {_indicatoren(len(indicatoren))}.",
    )
