"""From the answers of an afweging to its uitkomst: scores, judgements and one advies.

Pure functions on plain data; no database. The rules are written here once, in order,
and `REGELS` describes them in words for the result page and the report. The first rule
that applies decides the advies; the result names it.

Scale: every deelvraag gets −2 … +2, or "onvoldoende informatie", which counts as a gap,
never as zero. A score without a written motivation also counts as a gap. For deelvragen
7 and 8 a positive score means the proposed ambtelijke fusie beats the alternative.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from enum import StrEnum

from afweging.voorwaarden import Voorwaarde, voor_deelvraag, voor_succesfactor
from weergave import getallen

# A judgement is "ja" from +0.5, "nee" from −0.5; in between it is doubtful.
DREMPEL = 0.5
# A variant deelvraag at −1 or lower means the alternative is clearly better.
VARIANT_DREMPEL = -1
# The mean of the answered meerwaarde deelvragen at or below this is a knock-out.
MEERWAARDE_KNOCKOUT = -1.0
GEVOELIGHEID_FACTOREN = (0.5, 1.5)

# Which deelvragen (by number) make each judgement of §11.3.
OORDEEL_DEELVRAGEN = {
    "verstandig": (1, 2, 3),
    "effectief": (4, 5),
    "duurzaam": (6,),
}
VARIANT_DEELVRAGEN = (7, 8)
DRAAGVLAK = 5


class Advies(StrEnum):
    POSITIEF = "positief"
    VOORWAARDEN = "positief_onder_voorwaarden"
    HEROVERWEEG = "heroverweeg_variant"
    NEGATIEF = "negatief"
    ONVOLLEDIG = "onvolledig"

    @property
    def label(self) -> str:
        return {
            "positief": "Positief",
            "positief_onder_voorwaarden": "Positief onder voorwaarden",
            "heroverweeg_variant": "Heroverweeg de variant",
            "negatief": "Negatief",
            "onvolledig": "Onvolledig",
        }[self.value]


class Waarde(StrEnum):
    JA = "ja"
    TWIJFEL = "twijfel"
    NEE = "nee"
    ONBEKEND = "onbekend"


class Status(StrEnum):
    BEANTWOORD = "beantwoord"
    ONVOLDOENDE_INFORMATIE = "onvoldoende_informatie"
    ZONDER_MOTIVERING = "zonder_motivering"
    OPEN = "open"


# --- input -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeelvraagInvoer:
    nummer: int
    onderdeel: str  # code of the onderdeel: meerwaarde, condities, weging
    naam: str
    gewicht: float
    score: int | None  # −2 … 2; None when not (validly) answered
    status: Status
    code: str = ""  # the deelvraag's code in the kader: what its voorwaarde is keyed by

    @property
    def beantwoord(self) -> bool:
        return self.status == Status.BEANTWOORD and self.score is not None


@dataclass(frozen=True)
class SuccesfactorInvoer:
    naam: str
    status: str  # voldaan, deels, niet, onbekend
    code: str = ""
    fase: str = ""  # vorming, werking, checklist: where the report lists it
    regel: int | None = None  # its line in the report
    notitie: str = ""  # the adviseur's own note, carried into the voorwaarde


def deelvraag_invoer(
    *,
    nummer: int,
    onderdeel: str,
    naam: str,
    gewicht: float,
    score: str,
    motivering: str,
    code: str = "",
) -> DeelvraagInvoer:
    """Turn a stored answer (its score as stored: "-2" … "2", "?" or "") into scoring
    input: '?' and missing motivations are gaps."""
    status = antwoordstatus(score, motivering)
    getal = int(score) if status == Status.BEANTWOORD else None
    return DeelvraagInvoer(nummer, onderdeel, naam, float(gewicht), getal, status, code)


def antwoordstatus(score: str, motivering: str) -> Status:
    """What a stored answer is. The autosave stores drafts an explicit save refuses (a
    score without a motivation): every reader asks here, so none assumes more."""
    if not score:
        return Status.OPEN
    if score == "?":
        return Status.ONVOLDOENDE_INFORMATIE
    if not (motivering or "").strip():
        return Status.ZONDER_MOTIVERING
    return Status.BEANTWOORD


# --- output ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Oordeel:
    naam: str  # verstandig, effectief, duurzaam
    deelvragen: tuple[int, ...]
    score: float | None
    waarde: Waarde

    @property
    def tekst(self) -> str:
        woorden = {
            "verstandig": ("verstandig", "niet verstandig"),
            "effectief": ("effectief", "niet effectief"),
            "duurzaam": ("duurzaam", "niet duurzaam"),
        }[self.naam]
        return {
            Waarde.JA: woorden[0].capitalize(),
            Waarde.NEE: woorden[1].capitalize(),
            Waarde.TWIJFEL: f"Twijfel: {woorden[0]}?",
            Waarde.ONBEKEND: "Nog niet te beoordelen",
        }[self.waarde]


@dataclass(frozen=True)
class Onderdeelscore:
    code: str
    score: float | None  # weighted mean of the answered deelvragen
    beantwoord: int
    aantal: int


@dataclass(frozen=True)
class Variantoordeel:
    nummer: int
    score: int | None
    waarde: str  # voorgesteld_beter, alternatief_beter, geen_verschil, onbekend


@dataclass(frozen=True)
class Volledigheid:
    beantwoord: int
    aantal: int
    hiaten: tuple[DeelvraagInvoer, ...]

    @property
    def fractie(self) -> float:
        return self.beantwoord / self.aantal if self.aantal else 0.0

    @property
    def procent(self) -> int:
        return getallen.heel(100 * self.beantwoord / self.aantal) if self.aantal else 0

    @property
    def volledig(self) -> bool:
        return self.beantwoord == self.aantal


@dataclass(frozen=True)
class Uitkomst:
    advies: Advies
    regel: str  # code of the rule that decided
    uitleg: str  # why, in Dutch, with the numbers of this afweging
    oordelen: dict[str, Oordeel]
    onderdelen: dict[str, Onderdeelscore]
    varianten: dict[int, Variantoordeel]
    volledigheid: Volledigheid
    voorwaarden: tuple[Voorwaarde, ...] = ()


# --- the rules ---------------------------------------------------------------------------

REGELS: list[tuple[str, str]] = [
    (
        "knockout_draagvlak",
        "Negatief als het politiek draagvlak (deelvraag 5) duidelijk onvoldoende is (−2), "
        "ongeacht de andere antwoorden.",
    ),
    (
        "knockout_meerwaarde",
        "Negatief als de beantwoorde deelvragen over meerwaarde (1–3, minstens twee) gemiddeld "
        "−1 of lager scoren: zonder meerwaarde is er geen vertrekpunt.",
    ),
    (
        "onvolledig",
        "Onvolledig zolang een deelvraag open staat, 'onvoldoende informatie' heeft of een score "
        "zonder motivering.",
    ),
    (
        "heroverweeg_variant",
        "Heroverweeg de variant als deelvraag 7 of 8 op −1 of lager staat: het alternatief "
        "(centrumconstructie, eigen Wgr-entiteit of herindeling) is dan duidelijk beter.",
    ),
    (
        "negatief",
        "Negatief als de fusie niet verstandig is (meerwaarde gemiddeld −0,5 of lager), of "
        "zowel niet effectief als niet duurzaam.",
    ),
    (
        "draagvlak_negatief",
        "Hooguit positief onder voorwaarden als het politiek draagvlak (deelvraag 5) negatief "
        "is (−1), ook als al het andere positief is: de eerste voorwaarde is dan dat de raden "
        "de fusie dragen.",
    ),
    (
        "positief",
        "Positief als de fusie verstandig, effectief en duurzaam is (elk gemiddeld +0,5 of "
        "hoger), geen deelvraag op −2 staat, het politiek draagvlak niet negatief is en geen "
        "kritieke succesfactor 'niet' voldaan is.",
    ),
    (
        "voorwaarden",
        "Positief onder voorwaarden als de fusie verstandig is maar niet alles op orde is: "
        "effectief of duurzaam is twijfelachtig of negatief, een deelvraag staat op −2 of een "
        "kritieke succesfactor is niet voldaan. Elke deelvraag op 0 of lager en elke kritieke "
        "succesfactor die niet of deels voldaan is, geeft een voorwaarde: wat de gemeenten "
        "moeten regelen, met de notitie van de adviseur bij de succesfactor.",
    ),
    (
        "meerwaarde_twijfel",
        "Negatief als de meerwaarde twijfelachtig is (tussen −0,5 en +0,5): de meerwaarde is "
        "het vertrekpunt van het afwegingskader (§11.3).",
    ),
]


def _gemiddelde(deelvragen: list[DeelvraagInvoer]) -> float | None:
    beantwoord = [d for d in deelvragen if d.beantwoord]
    gewicht = sum(d.gewicht for d in beantwoord)
    if not beantwoord or gewicht == 0:
        return None
    return sum(d.gewicht * d.score for d in beantwoord) / gewicht


def _waarde(score: float | None) -> Waarde:
    if score is None:
        return Waarde.ONBEKEND
    if score >= DREMPEL:
        return Waarde.JA
    if score <= -DREMPEL:
        return Waarde.NEE
    return Waarde.TWIJFEL


def _oordeel(naam: str, per_nummer: dict[int, DeelvraagInvoer]) -> Oordeel:
    nummers = OORDEEL_DEELVRAGEN[naam]
    deelvragen = [per_nummer[n] for n in nummers if n in per_nummer]
    # A judgement needs all its deelvragen: a partial picture is not a judgement.
    if len(deelvragen) < len(nummers) or not all(d.beantwoord for d in deelvragen):
        return Oordeel(naam, nummers, _gemiddelde(deelvragen), Waarde.ONBEKEND)
    score = _gemiddelde(deelvragen)
    return Oordeel(naam, nummers, score, _waarde(score))


def _variant(deelvraag: DeelvraagInvoer | None, nummer: int) -> Variantoordeel:
    if deelvraag is None or not deelvraag.beantwoord:
        return Variantoordeel(nummer, None, "onbekend")
    if deelvraag.score <= VARIANT_DREMPEL:
        return Variantoordeel(nummer, deelvraag.score, "alternatief_beter")
    if deelvraag.score >= -VARIANT_DREMPEL:
        return Variantoordeel(nummer, deelvraag.score, "voorgesteld_beter")
    return Variantoordeel(nummer, deelvraag.score, "geen_verschil")


def _getal(score: float | None) -> str:
    if score is None:
        return getallen.ONBEKEND
    return getallen.score(score)


def bereken_uitkomst(
    deelvragen: list[DeelvraagInvoer], succesfactoren: list[SuccesfactorInvoer] = ()
) -> Uitkomst:
    per_nummer = {d.nummer: d for d in deelvragen}
    oordelen = {naam: _oordeel(naam, per_nummer) for naam in OORDEEL_DEELVRAGEN}
    onderdelen = {}
    for code in dict.fromkeys(d.onderdeel for d in deelvragen):
        groep = [d for d in deelvragen if d.onderdeel == code]
        onderdelen[code] = Onderdeelscore(
            code, _gemiddelde(groep), sum(d.beantwoord for d in groep), len(groep)
        )
    varianten = {n: _variant(per_nummer.get(n), n) for n in VARIANT_DEELVRAGEN}
    hiaten = tuple(d for d in deelvragen if not d.beantwoord)
    volledigheid = Volledigheid(len(deelvragen) - len(hiaten), len(deelvragen), hiaten)

    def uitkomst(advies: Advies, regel: str, uitleg: str, voorwaarden=()) -> Uitkomst:
        return Uitkomst(
            advies, regel, uitleg, oordelen, onderdelen, varianten, volledigheid, tuple(voorwaarden)
        )

    verstandig, effectief, duurzaam = (oordelen[n] for n in OORDEEL_DEELVRAGEN)

    draagvlak = per_nummer.get(DRAAGVLAK)
    if draagvlak is not None and draagvlak.beantwoord and draagvlak.score == -2:
        return uitkomst(
            Advies.NEGATIEF,
            "knockout_draagvlak",
            "Het politiek draagvlak (deelvraag 5) is beoordeeld als duidelijk onvoldoende (−2). "
            "Zonder draagvlak komt een ambtelijke fusie niet tot haar meerwaarde; dat weegt "
            "zwaarder dan de andere antwoorden.",
        )

    meerwaarde = [per_nummer[n] for n in OORDEEL_DEELVRAGEN["verstandig"] if n in per_nummer]
    beantwoorde_meerwaarde = [d for d in meerwaarde if d.beantwoord]
    gemiddelde_meerwaarde = _gemiddelde(meerwaarde)
    if (
        len(beantwoorde_meerwaarde) >= 2
        and gemiddelde_meerwaarde is not None
        and gemiddelde_meerwaarde <= MEERWAARDE_KNOCKOUT
    ):
        return uitkomst(
            Advies.NEGATIEF,
            "knockout_meerwaarde",
            f"De beantwoorde deelvragen over meerwaarde scoren gemiddeld "
            f"{_getal(gemiddelde_meerwaarde)}: duidelijk geen meerwaarde, en daarmee geen "
            f"vertrekpunt voor een ambtelijke fusie.",
        )

    if not volledigheid.volledig:
        open_nummers = ", ".join(str(d.nummer) for d in hiaten)
        return uitkomst(
            Advies.ONVOLLEDIG,
            "onvolledig",
            f"{volledigheid.beantwoord} van de {volledigheid.aantal} deelvragen zijn gemotiveerd "
            f"beantwoord. Nog open of zonder voldoende informatie: deelvraag {open_nummers}.",
        )

    slechter = [v for v in varianten.values() if v.waarde == "alternatief_beter"]
    if slechter:
        nummers = getallen.opsomming(v.nummer for v in slechter)
        return uitkomst(
            Advies.HEROVERWEEG,
            "heroverweeg_variant",
            f"Bij de weging van varianten (deelvraag {nummers}) is het alternatief duidelijk "
            f"beter beoordeeld dan de voorgestelde ambtelijke fusie.",
        )

    if verstandig.waarde == Waarde.NEE or (
        effectief.waarde == Waarde.NEE and duurzaam.waarde == Waarde.NEE
    ):
        if verstandig.waarde == Waarde.NEE:
            reden = f"de meerwaarde scoort gemiddeld {_getal(verstandig.score)}"
        else:
            reden = (
                f"de condities schieten tekort: effectief {_getal(effectief.score)}, "
                f"duurzaam {_getal(duurzaam.score)}"
            )
        return uitkomst(Advies.NEGATIEF, "negatief", f"Negatief omdat {reden}.")

    voorwaarden = [
        voor_deelvraag(nummer=d.nummer, code=d.code, naam=d.naam, score=d.score)
        for d in deelvragen
        if d.beantwoord and d.score <= 0
    ] + [
        voor_succesfactor(
            code=s.code,
            naam=s.naam,
            status=s.status,
            fase=s.fase,
            regel=s.regel,
            notitie=s.notitie,
        )
        for s in succesfactoren
        if s.status in ("niet", "deels")
    ]

    # At −2 rule 1 already decided; at −1 the raden do not carry it yet, and no other
    # score makes up for that (§11.2, regel 9430: support only weakens after the start).
    if (
        draagvlak is not None
        and draagvlak.beantwoord
        and draagvlak.score < 0
        and verstandig.waarde == Waarde.JA
    ):
        eerst = [v for v in voorwaarden if v.deelvraag == DRAAGVLAK]
        return uitkomst(
            Advies.VOORWAARDEN,
            "draagvlak_negatief",
            f"De fusie is verstandig ({_getal(verstandig.score)}), maar het politiek draagvlak "
            f"(deelvraag 5) scoort {getallen.met_teken(draagvlak.score)}: zolang de raden de "
            f"fusie niet dragen, is het advies niet zonder meer positief. De eerste voorwaarde "
            f"is dat er dat draagvlak komt.",
            eerst + [v for v in voorwaarden if v not in eerst],
        )

    geen_min2 = all(d.score > -2 for d in deelvragen)
    geen_niet = all(s.status != "niet" for s in succesfactoren)
    if all(o.waarde == Waarde.JA for o in oordelen.values()) and geen_min2 and geen_niet:
        return uitkomst(
            Advies.POSITIEF,
            "positief",
            f"De fusie is verstandig ({_getal(verstandig.score)}), effectief "
            f"({_getal(effectief.score)}) en duurzaam ({_getal(duurzaam.score)}), en geen "
            f"variant is duidelijk beter.",
            voorwaarden,
        )

    if verstandig.waarde == Waarde.JA:
        redenen = [
            f"{naam} {_getal(oordelen[naam].score)}"
            for naam in ("effectief", "duurzaam")
            if oordelen[naam].waarde != Waarde.JA
        ]
        if not geen_min2:
            redenen.append("een deelvraag staat op −2")
        if not geen_niet:
            redenen.append("een kritieke succesfactor is niet voldaan")
        return uitkomst(
            Advies.VOORWAARDEN,
            "voorwaarden",
            f"De fusie is verstandig ({_getal(verstandig.score)}), maar niet alles is op orde: "
            f"{'; '.join(redenen)}. Zie de voorwaarden.",
            voorwaarden,
        )

    return uitkomst(
        Advies.NEGATIEF,
        "meerwaarde_twijfel",
        f"De meerwaarde is twijfelachtig ({_getal(verstandig.score)}); zonder overtuigende "
        f"meerwaarde is een ambtelijke fusie niet verstandig.",
    )


# --- sensitivity ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Omslag:
    nummer: int
    factor: float
    advies: Advies


@dataclass(frozen=True)
class Gevoeligheid:
    advies: Advies
    omslagen: tuple[Omslag, ...] = ()
    combinaties: int = 0
    adviezen_in_combinaties: frozenset[Advies] = field(default_factory=frozenset)

    @property
    def houdt_stand(self) -> bool:
        return not self.omslagen and self.adviezen_in_combinaties <= {self.advies}

    @property
    def adviezen_op_volgorde(self) -> list[Advies]:
        """The adviezen that occur, from positive to negative (a set has no order of its
        own: its order would differ between processes)."""
        return [advies for advies in Advies if advies in self.adviezen_in_combinaties]

    @property
    def adviezen_labels(self) -> list[str]:
        return [advies.label for advies in self.adviezen_op_volgorde]


def gevoeligheid(
    deelvragen: list[DeelvraagInvoer], succesfactoren: list[SuccesfactorInvoer] = ()
) -> Gevoeligheid:
    """Does the advies hold when each weight moves by ±50%, alone and all together?

    Only weights that can matter are varied: those of answered deelvragen that share
    their judgement with another answered one (a mean of one number ignores its weight).
    """
    basis = bereken_uitkomst(deelvragen, succesfactoren).advies
    groepen = {n: naam for naam, nummers in OORDEEL_DEELVRAGEN.items() for n in nummers}
    beantwoord = [d for d in deelvragen if d.beantwoord]
    relevant = [
        d.nummer
        for d in beantwoord
        if sum(1 for e in beantwoord if groepen.get(e.nummer) == groepen.get(d.nummer)) > 1
        and d.nummer in groepen
    ]

    def met_gewichten(factoren: dict[int, float]) -> Advies:
        aangepast = [
            replace(d, gewicht=d.gewicht * factoren.get(d.nummer, 1.0)) for d in deelvragen
        ]
        return bereken_uitkomst(aangepast, succesfactoren).advies

    omslagen = []
    for nummer in relevant:
        for factor in GEVOELIGHEID_FACTOREN:
            advies = met_gewichten({nummer: factor})
            if advies != basis:
                omslagen.append(Omslag(nummer, factor, advies))

    adviezen = set()
    combinaties = 0
    for factoren in itertools.product((*GEVOELIGHEID_FACTOREN, 1.0), repeat=len(relevant)):
        combinaties += 1
        adviezen.add(met_gewichten(dict(zip(relevant, factoren, strict=True))))
    return Gevoeligheid(basis, tuple(omslagen), combinaties, frozenset(adviezen))
