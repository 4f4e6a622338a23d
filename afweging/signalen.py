"""Warning signs (signalen) for a proposed ambtelijke fusie, each tied to the report.

Each rule reads the afweging's context (its deelnemers with their reference data and
the planning figures) and returns a Signaal or nothing. Codes are stable: tests, the
report and later exports refer to them. Signalen that need the figures of an app above
this one (the business case) come from its uitbreiding (`Uitbreiding.signalen`,
businesscase/signalen.py) and are sorted in with `op_volgorde`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from casussen.models import Deelname, Fusieorganisatie
from casussen.register import LAATSTE_JAAR
from weergave import getallen

WAARSCHUWING = "waarschuwing"
AANDACHT = "aandacht"

GROOTTEVERHOUDING = 2.0  # Largest member at least twice the smallest.
EVALUATIE_MINIMUM_JAREN = 2  # The report: effects show after two to three years.
EVALUATIE_MINIMUM_BRON = "§8.2.3 Positieve effecten laten op zich wachten (regels 6228-6232, 6642)"

# Motives that want the gemeente to stay on its own, against one that wants the opposite.
ZELFSTANDIG = {
    "zelfstandigheid": "behoud van de bestuurlijke zelfstandigheid",
    "herindeling_voorkomen": "het voorkomen van een herindeling",
}
VOORUITLOPEN = "herindeling_vooruitlopen"
# The joint motive from before the split (afweging.models.MOTIEF_ONGESPLITST).
ONGESPLITST = "herindeling"


@dataclass(frozen=True)
class Fusielidmaatschap:
    """A deelnemer's membership of a fusieorganisatie that is active in the register."""

    naam: str
    sinds: str  # the start as the register gives it ("2013"), or "onbekend"
    regel: int | None = None  # its line in the report's Bijlage


@dataclass(frozen=True)
class Deelnemerprofiel:
    """What the signals need to know of one deelnemende gemeente."""

    naam: str
    inwoners: int | None
    provincie: str
    corop: str
    arbeidsmarktregio: str
    perspectief: str  # eindoplossing, tussenstap, onbekend
    motieven: tuple[str, ...] = ()
    fusieorganisaties: tuple[Fusielidmaatschap, ...] = ()


@dataclass(frozen=True)
class Context:
    deelnemers: tuple[Deelnemerprofiel, ...]
    klassiek: bool
    startdatum: date | None = None
    evaluatiedatum: date | None = None
    taakstelling: Decimal | None = None
    frictiekostenbudget: Decimal | None = None
    reorganisatie: str = "onbekend"  # ja, nee, onbekend


@dataclass(frozen=True)
class Signaal:
    code: str
    ernst: str
    titel: str
    bericht: str
    bron: str  # report section and line

    @property
    def is_waarschuwing(self) -> bool:
        return self.ernst == WAARSCHUWING


def _euro(bedrag: Decimal) -> str:
    return getallen.euro(bedrag)


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _komma(getal: float) -> str:
    return getallen.decimaal(getal)


def _aantal(n: int) -> str:
    return getallen.geheel(n)


def _verhouding(context: Context) -> tuple[Deelnemerprofiel, Deelnemerprofiel, float] | None:
    bekend = [d for d in context.deelnemers if d.inwoners]
    if len(bekend) < 2 or len(bekend) < len(context.deelnemers):
        return None
    grootste = max(bekend, key=lambda d: d.inwoners)
    kleinste = min(bekend, key=lambda d: d.inwoners)
    return grootste, kleinste, grootste.inwoners / kleinste.inwoners


def _niet_te_beoordelen(code: str, titel: str, vraag: str, gegeven: str, onbekend: list[str],
                        bron: str) -> Signaal:  # fmt: skip
    """A rule that cannot judge because a deelnemer's reference data is missing says so,
    rather than staying silent as if all were well."""
    return Signaal(
        f"{code}_onbekend",
        AANDACHT,
        f"{titel}: niet te beoordelen",
        f"{vraag}, kan niet beoordeeld worden: {gegeven} van {getallen.opsomming(onbekend)} "
        f"is onbekend in de referentiegegevens.",
        bron,
    )


def grootteverschil(context: Context) -> Signaal | None:
    verhouding = _verhouding(context)
    if verhouding is None:
        onbekend = [d.naam for d in context.deelnemers if not d.inwoners]
        if onbekend and len(context.deelnemers) >= 2:
            return _niet_te_beoordelen(
                "grootteverschil",
                "Verschil in omvang",
                "Of de deelnemers sterk in omvang verschillen",
                "het aantal inwoners",
                onbekend,
                "§5.4.2 (regel 3727) en §8.4.1 Omgaan met schaalverschillen (regel 6726)",
            )
        return None
    if verhouding[2] < GROOTTEVERHOUDING:
        return None
    grootste, kleinste, factor = verhouding
    return Signaal(
        "grootteverschil",
        WAARSCHUWING,
        "Grote verschillen in omvang",
        f"{grootste.naam} ({_aantal(grootste.inwoners)} inwoners) is {_komma(factor)} keer zo "
        f"groot als {kleinste.naam} ({_aantal(kleinste.inwoners)}). In beide onderzochte "
        "fusies die werden beëindigd (Ommen-Hardenberg en UW-Samenwerking) besloot de grootste "
        "gemeente eruit te stappen, omdat zij te weinig voordeel ervoer. Maak afspraken over "
        "gelijkwaardigheid, verdeelsleutels en sturing.",
        "§5.4.2 (regel 3727) en §8.4.1 Omgaan met schaalverschillen (regel 6726)",
    )


def _regio_signaal(code: str, veld: str, naam: str, ernst: str, enkelvoud: str) -> Callable:
    """A signal when the deelnemers lie in different regions; `enkelvoud` names one
    region with its article, for the message when one is unknown."""
    bron = "§5.4.1 (regel 3589) en §5.5.1 Gelijkheid versus gelijkwaardigheid (regel 4167)"

    def regel(context: Context) -> Signaal | None:
        waarden = {getattr(d, veld) for d in context.deelnemers if getattr(d, veld)}
        onbekend = [d.naam for d in context.deelnemers if not getattr(d, veld)]
        if len(waarden) < 2:
            if onbekend and len(context.deelnemers) >= 2:
                return _niet_te_beoordelen(
                    code,
                    _hoofdletter(naam),
                    f"Of de deelnemers in verschillende {naam} liggen",
                    enkelvoud,
                    onbekend,
                    bron,
                )
            return None
        onbekend_tekst = (
            f" Van {getallen.opsomming(onbekend)} is {enkelvoud} onbekend." if onbekend else ""
        )
        return Signaal(
            code,
            ernst,
            f"Deelnemers in verschillende {naam}",
            f"De deelnemers liggen in {len(waarden)} verschillende {naam}: "
            f"{', '.join(sorted(waarden))}.{onbekend_tekst} Het rapport noemt een gelijke "
            "regionale oriëntatie een voorwaarde; wisselende oriëntaties leiden tot andere "
            "belangen en beperken de regionale slagkracht.",
            bron,
        )

    regel.__name__ = code
    return regel


provincies = _regio_signaal("provincies", "provincie", "provincies", WAARSCHUWING, "de provincie")
corop = _regio_signaal("corop", "corop", "COROP-gebieden", WAARSCHUWING, "het COROP-gebied")
arbeidsmarktregio = _regio_signaal(
    "arbeidsmarktregio",
    "arbeidsmarktregio",
    "arbeidsmarktregio's",
    AANDACHT,
    "de arbeidsmarktregio",
)


def schijncoalitie(context: Context) -> Signaal | None:
    perspectieven = {d.perspectief for d in context.deelnemers}
    if not {"eindoplossing", "tussenstap"} <= perspectieven:
        return None
    eind = [d.naam for d in context.deelnemers if d.perspectief == "eindoplossing"]
    tussen = [d.naam for d in context.deelnemers if d.perspectief == "tussenstap"]
    return Signaal(
        "schijncoalitie",
        WAARSCHUWING,
        "Uiteenlopende perspectieven: een schijncoalitie",
        f"{', '.join(eind)} {'ziet' if len(eind) == 1 else 'zien'} de fusie als eindoplossing, "
        f"{', '.join(tussen)} als tussenstap naar herindeling. Eens over de vorm maar niet over "
        "het waarom: het rapport zag dat zulke verschillen later harmonisatie en "
        "standaardisatie blokkeren.",
        "§8.3.2 Perspectieven en emoties (regel 6549)",
    )


def perspectief_onbekend(context: Context) -> Signaal | None:
    onbekend = [d.naam for d in context.deelnemers if d.perspectief == "onbekend"]
    if not onbekend:
        return None
    return Signaal(
        "perspectief_onbekend",
        AANDACHT,
        "Perspectief niet bekend",
        f"Van {', '.join(onbekend)} is niet bekend of de fusie een eindoplossing of een "
        "tussenstap naar herindeling is. Maak dit expliciet voordat besloten wordt.",
        "§8.3.2 Perspectieven en emoties (regel 6435)",
    )


def frictiekosten(context: Context) -> Signaal | None:
    budget = context.frictiekostenbudget
    if budget is not None and budget > 0:
        if context.taakstelling and budget < context.taakstelling:
            return Signaal(
                "frictiekosten_kleiner_dan_taakstelling",
                WAARSCHUWING,
                "Frictiekostenbudget kleiner dan de taakstelling",
                f"Het budget voor frictiekosten ({_euro(budget)}) is kleiner dan de "
                f"besparingstaakstelling ({_euro(context.taakstelling)} per jaar). Het rapport "
                "ziet weinig oog voor frictiekosten als een hoofdreden waarom fusies tegenvallen.",
                "§5.5.1 Weinig oog voor frictiekosten (regels 4075-4101)",
            )
        return None
    return Signaal(
        "geen_frictiekostenbudget",
        WAARSCHUWING,
        "Geen budget voor frictiekosten",
        (
            "Het budget voor frictiekosten is nul"
            if budget == 0
            else "Er is geen budget voor frictiekosten opgegeven"
        )
        + ". Frictiekosten zijn eenmalig maar moeten in de eerste periode worden ingeboekt; "
        "zonder budget drukken zij op de begroting en op het draagvlak.",
        "§5.5.1 Weinig oog voor frictiekosten (regels 4075-4101)",
    )


def taakstelling(context: Context) -> Signaal | None:
    kosten = [d.naam for d in context.deelnemers if "kosten" in d.motieven]
    if not (context.taakstelling and context.taakstelling > 0) and not kosten:
        return None
    delen = []
    if context.taakstelling and context.taakstelling > 0:
        delen.append(f"er is een besparingstaakstelling van {_euro(context.taakstelling)} per jaar")
    if kosten:
        delen.append(f"kostenverlaging is een motief van {', '.join(kosten)}")
    return Signaal(
        "reken_je_niet_rijk",
        AANDACHT,
        "Reken je niet rijk",
        f"{_hoofdletter('; '.join(delen))}. Het rapport vond dat fusiegemeenten niet goedkoper "
        "uit zijn dan vergelijkbare gemeenten: kostenvoordelen zijn niet aannemelijk.",
        "§6.5 (regel 5171) en de checklist van §11.2 (regel 9398)",
    )


def ongelijke_verwachtingen(context: Context) -> Signaal | None:
    """One gemeente wants to stay on its own (or keep a herindeling away), another wants
    the fusion as a run-up to herindeling. The old joint motive cannot tell which it is:
    `motief_ongesplitst` asks for it instead."""
    behoud = [d.naam for d in context.deelnemers if any(m in ZELFSTANDIG for m in d.motieven)]
    vooruit = [d.naam for d in context.deelnemers if VOORUITLOPEN in d.motieven]
    # A contradiction needs two gemeenten; one that names both is torn, not at odds.
    if not any(a != b for a in behoud for b in vooruit):
        return None
    genoemd = [
        tekst
        for code, tekst in ZELFSTANDIG.items()
        if any(code in d.motieven for d in context.deelnemers if d.naam in behoud)
    ]
    return Signaal(
        "ongelijke_verwachtingen",
        WAARSCHUWING,
        "Tegenstrijdige motieven",
        f"{getallen.opsomming(behoud)} {'noemt' if len(behoud) == 1 else 'noemen'} "
        f"{getallen.opsomming(genoemd)} als motief, {getallen.opsomming(vooruit)} het "
        "vooruitlopen op een herindeling. Het rapport zag "
        "dat verschillende en zelfs tegenstrijdige motieven binnen één fusie later opspelen; "
        "maak de verwachtingen vooraf expliciet.",
        "§5.2.10 Wat valt er op? (regel 2963) en §8.3.2 (regel 6523)",
    )


def motief_ongesplitst(context: Context) -> Signaal | None:
    namen = [d.naam for d in context.deelnemers if ONGESPLITST in d.motieven]
    if not namen:
        return None
    return Signaal(
        "motief_herindeling_ongesplitst",
        WAARSCHUWING,
        "Motief over herindeling nog niet gekozen",
        f"Bij {getallen.opsomming(namen)} staat nog de oude keuze ‘Herindeling voorkomen of "
        "erop vooruitlopen’. Die keuze is gesplitst, omdat het twee tegengestelde bedoelingen "
        "zijn; zolang niet gekozen is, kan Fusietoets niet zien of de motieven elkaar "
        "tegenspreken. Kies bij Deelnemers ‘Een herindeling voorkomen’ of ‘Vooruitlopen op "
        "een herindeling’.",
        "§2.6 Motieven voor een ambtelijke fusie (regel 981) en §8.3.2 (regel 6523)",
    )


def al_in_fusieorganisatie(context: Context) -> Signaal | None:
    per_organisatie: dict[str, tuple[Fusielidmaatschap, list[str]]] = {}
    for deelnemer in context.deelnemers:
        for lidmaatschap in deelnemer.fusieorganisaties:
            per_organisatie.setdefault(lidmaatschap.naam, (lidmaatschap, []))[1].append(
                deelnemer.naam
            )
    if not per_organisatie:
        return None
    delen = [
        f"{getallen.opsomming(namen)} {'is' if len(namen) == 1 else 'zijn'} al deelnemer van "
        f"{lidmaatschap.naam} (actief, sinds {lidmaatschap.sinds})"
        for lidmaatschap, namen in per_organisatie.values()
    ]
    regels = [f"regel {lid.regel}" for lid, _ in per_organisatie.values() if lid.regel]
    bijlage = f" ({', '.join(regels)})" if regels else ""
    return Signaal(
        "al_in_fusieorganisatie",
        WAARSCHUWING,
        "Deelnemers zitten al in een fusieorganisatie",
        f"{_hoofdletter('; '.join(delen))}. Hun ambtelijke organisatie is dus al gefuseerd. "
        "Zeg in het voorstel wat er met die fusieorganisatie gebeurt (een toetreding, een "
        "herziening of een opheffing) en wat dat betekent voor haar regeling, bestuur, "
        "verdeelsleutel en evaluatie. Het rapport vraagt een juridische vorm die toetreding "
        "mogelijk maakt, en duidelijke afspraken over besturing, doelen, kostenverdeling en "
        "evaluatie.",
        f"Bijlage, register van fusieorganisaties{bijlage}; §4.3 Vormgeving ambtelijke "
        "organisatie (regel 1942)",
    )


def evaluatie(context: Context) -> Signaal | None:
    if context.evaluatiedatum is None:
        return Signaal(
            "evaluatie_niet_gepland",
            AANDACHT,
            "Eerste evaluatie niet gepland",
            "Er is geen datum voor de eerste evaluatie. Plan die niet te vroeg (na twee à drie "
            "jaar) en vergelijk met de situatie zonder fusie, niet met die van vroeger.",
            "§8.2.3 Positieve effecten laten op zich wachten (regel 6228); advies regel 6797",
        )
    if context.startdatum is None:
        return None
    grens = jaren_later(context.startdatum, EVALUATIE_MINIMUM_JAREN)
    if grens is not None and context.evaluatiedatum >= grens:
        return None
    jaren = (context.evaluatiedatum - context.startdatum).days / 365.25
    return Signaal(
        "evaluatie_te_vroeg",
        WAARSCHUWING,
        "Eerste evaluatie te vroeg",
        f"De eerste evaluatie is {_komma(jaren)} jaar na de start gepland. Een te vroege "
        "evaluatie (bijvoorbeeld na één jaar) levert vooral teleurstellingen op en druk om te veranderen; de organisatie is de "
        "eerste twee à drie jaar vooral naar binnen gericht.",
        EVALUATIE_MINIMUM_BRON,
    )


def jaren_later(datum: date, jaren: int) -> date | None:
    """The same day `jaren` years later; None if that lies beyond the year 9999."""
    if datum.year + jaren > date.max.year:
        return None
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def reorganisatie(context: Context) -> Signaal | None:
    if context.reorganisatie != "ja":
        return None
    return Signaal(
        "gestapelde_verandering",
        WAARSCHUWING,
        "Fusie gecombineerd met een reorganisatie",
        "De fusie gaat samen met een reorganisatie of een nieuwe sturingsfilosofie. Het rapport "
        "zag meerdere keren dat deze combinatie de organisatie te zwaar belastte: integreer "
        "eerst en wacht met een diepgaande reorganisatie.",
        "§8.3.3 Combinatie met reorganisatie is kwetsbaar (regel 6647); advies regel 6794",
    )


def vorm_en_omvang(context: Context) -> Signaal | None:
    verhouding = _verhouding(context)
    if verhouding is None:
        return None
    factor = verhouding[2]
    if not context.klassiek and factor < 1.5:
        tekst = (
            "De deelnemers zijn ongeveer even groot, maar de voorgestelde vorm is een "
            "centrumconstructie. Tussen gelijkwaardige partners kiezen gemeenten meestal de "
            "klassieke ambtelijke fusie; weeg dit bij deelvraag 7."
        )
    elif context.klassiek and factor >= 3:
        tekst = (
            "Eén deelnemer is veel groter dan de andere(n), maar de voorgestelde vorm is een "
            "klassieke ambtelijke fusie. Bij één significant grotere gemeente kiezen gemeenten "
            "meestal een centrumconstructie (het gastheermodel); weeg dit bij deelvraag 7."
        )
    else:
        return None
    return Signaal(
        "vorm_past_niet_bij_omvang",
        AANDACHT,
        "Vorm en omvang",
        tekst,
        "§2.7 De feiten op een rij, punt 2 (regel 1040)",
    )


REGELS: list[Callable[[Context], Signaal | None]] = [
    al_in_fusieorganisatie,
    grootteverschil,
    provincies,
    corop,
    arbeidsmarktregio,
    schijncoalitie,
    ongelijke_verwachtingen,
    motief_ongesplitst,
    perspectief_onbekend,
    frictiekosten,
    taakstelling,
    evaluatie,
    reorganisatie,
    vorm_en_omvang,
]


def op_volgorde(gevonden: list[Signaal]) -> list[Signaal]:
    """Warnings first, each group in the order the rules were asked."""
    return sorted(gevonden, key=lambda s: s.ernst != WAARSCHUWING)


def signalen(context: Context) -> list[Signaal]:
    return op_volgorde([signaal for regel in REGELS if (signaal := regel(context)) is not None])


def _lidmaatschappen(afweging) -> dict[int, list[Fusielidmaatschap]]:
    """Per gemeente id: the fusieorganisaties that are active in the register now."""
    per_gemeente: dict[int, list[Fusielidmaatschap]] = {}
    deelnames = (
        Deelname.objects.filter(
            gemeente_id__in=[d.gemeente_id for d in afweging.deelnemers.all()],
            fusieorganisatie__status=Fusieorganisatie.Status.ACTIEF,
        )
        .select_related("fusieorganisatie")
        .order_by("fusieorganisatie__naam")
    )
    for deelname in deelnames:
        organisatie = deelname.fusieorganisatie
        sinds = (
            str(organisatie.startdatum.year)
            if organisatie.startdatum
            else organisatie.startdatum_tekst or getallen.ONBEKEND
        )
        per_gemeente.setdefault(deelname.gemeente_id, []).append(
            Fusielidmaatschap(organisatie.naam, sinds, organisatie.bron_regel)
        )
    return per_gemeente


def context_van(afweging) -> Context:
    """The context of an afweging, with the latest CBS inhabitants of each deelnemer and
    the fusieorganisaties it is already in."""
    profielen = []
    lidmaatschappen = _lidmaatschappen(afweging)
    for deelnemer in afweging.deelnemers.all():
        gemeente = deelnemer.gemeente
        inwoners = {t.jaar: t.aantal for t in gemeente.inwonertallen.all()}
        profielen.append(
            Deelnemerprofiel(
                naam=gemeente.naam,
                inwoners=inwoners.get(LAATSTE_JAAR),
                provincie=gemeente.provincie.naam if gemeente.provincie else "",
                corop=gemeente.corop_naam,
                arbeidsmarktregio=gemeente.arbeidsmarktregio_naam,
                perspectief=deelnemer.perspectief,
                motieven=tuple(deelnemer.motieven),
                fusieorganisaties=tuple(lidmaatschappen.get(gemeente.pk, ())),
            )
        )
    return Context(
        deelnemers=tuple(profielen),
        klassiek=afweging.is_klassiek,
        startdatum=afweging.geplande_startdatum,
        evaluatiedatum=afweging.geplande_evaluatiedatum,
        taakstelling=afweging.taakstelling,
        frictiekostenbudget=afweging.frictiekostenbudget,
        reorganisatie=afweging.reorganisatie_gecombineerd,
    )
